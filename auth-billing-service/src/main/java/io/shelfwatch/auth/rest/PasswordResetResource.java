package io.shelfwatch.auth.rest;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.shelfwatch.auth.service.PasswordResetService;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

/** Doc E's `forgot-password` and its `reset-password` companion. */
@Path("/api/v1/auth")
public class PasswordResetResource {

    public record ForgotRequest(@NotBlank @Size(max = 320) String email) {
    }

    public record ResetRequest(
            @NotBlank String token,
            @NotNull @Size(min = 8, max = 128, message = "password must be at least 8 characters")
            @JsonProperty("new_password") String newPassword) {
    }

    public record Message(String message) {
    }

    private final PasswordResetService resets;

    public PasswordResetResource(PasswordResetService resets) {
        this.resets = resets;
    }

    /** Always 200, whether the email is known or not, so it reveals no accounts. */
    @POST
    @Path("/forgot-password")
    public Uni<Message> forgot(@Valid @NotNull ForgotRequest request) {
        return resets.requestReset(request.email())
                .replaceWith(new Message("If the email is registered, a reset link has been sent"));
    }

    @POST
    @Path("/reset-password")
    public Uni<Message> reset(@Valid @NotNull ResetRequest request) {
        return resets.reset(request.token(), request.newPassword())
                .replaceWith(new Message("Password has been reset"));
    }
}
