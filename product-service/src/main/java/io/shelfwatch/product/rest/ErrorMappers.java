package io.shelfwatch.product.rest;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The error shape of docs C and E (FastAPI's): `422 {"detail":[{loc,msg,type}]}` for
 * invalid input, `{"detail":"…"}` for everything else. No exception type or stack trace
 * ever reaches a client.
 */
public class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    public record Detail(String detail) {
    }

    public record FieldError(List<Object> loc, String msg, String type) {
    }

    public record ValidationErrors(List<FieldError> detail) {
    }

    @ServerExceptionMapper
    public RestResponse<ValidationErrors> invalid(ConstraintViolationException e, ResourceInfo resource) {
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            errors.add(new FieldError(location(violation.getPropertyPath(), resource.getResourceMethod()),
                    violation.getMessage(), "value_error"));
        }
        return json(422, new ValidationErrors(errors));
    }

    @ServerExceptionMapper
    public RestResponse<ValidationErrors> unreadableJson(JsonProcessingException e) {
        List<Object> loc = new ArrayList<>(List.of("body"));
        if (e instanceof JsonMappingException mapping) {
            mapping.getPath().forEach(ref -> loc.add(ref.getFieldName() != null ? ref.getFieldName() : ref.getIndex()));
        }
        String type = e instanceof JsonMappingException ? "type_error" : "value_error.jsondecode";
        String msg = e instanceof JsonMappingException ? "value is not valid for this field" : "invalid JSON";
        return json(422, new ValidationErrors(List.of(new FieldError(loc, msg, type))));
    }

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public Response unauthenticated() {
        return Response.status(401).type(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .entity(new Detail("Not authenticated")).build();
    }

    @ServerExceptionMapper
    public RestResponse<Detail> forbidden(ForbiddenException e) {
        return json(403, new Detail("Not enough permissions"));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException unreadable) {
            // Quarkus wraps JSON syntax errors in a 400; FastAPI answers them with a 422.
            return unreadableJson(unreadable).toResponse();
        }
        Response original = e.getResponse();
        int status = original.getStatus();
        String message = e.getMessage();
        // JAX-RS's own messages ("HTTP 404 Not Found") become FastAPI's ("Not Found").
        String detail = message == null || message.isBlank() || message.startsWith("HTTP " + status)
                ? original.getStatusInfo().getReasonPhrase()
                : message;
        Response.ResponseBuilder builder = Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(new Detail(detail));
        Object challenge = original.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE);
        if (challenge != null) {
            builder.header(HttpHeaders.WWW_AUTHENTICATE, challenge);
        }
        return builder.build();
    }

    @ServerExceptionMapper
    public RestResponse<Detail> unexpected(Throwable e) {
        LOG.error("request failed", e);
        return json(500, new Detail("Internal Server Error"));
    }

    /**
     * FastAPI locations: `["body", field…]` inside a request body, `["query" | "path" | "header", name]`
     * for a parameter, told apart by the resource method's own annotations.
     */
    private static List<Object> location(Path path, Method method) {
        List<Object> loc = new ArrayList<>();
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.PARAMETER) {
                int index = node.as(Path.ParameterNode.class).getParameterIndex();
                String source = method == null ? "body" : sourceOf(method.getParameters()[index]);
                loc.add(source);
                if (!source.equals("body")) {
                    loc.add(node.getName());
                }
            } else if (node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                if (node.getIndex() != null) {
                    loc.add(node.getIndex());
                }
                if (node.getName() != null) {
                    loc.add(node.getName());
                }
            }
        }
        if (loc.isEmpty()) {
            loc.add("body");
        }
        return loc;
    }

    private static String sourceOf(Parameter parameter) {
        if (parameter.isAnnotationPresent(QueryParam.class) || parameter.isAnnotationPresent(RestQuery.class)) {
            return "query";
        }
        if (parameter.isAnnotationPresent(PathParam.class) || parameter.isAnnotationPresent(RestPath.class)) {
            return "path";
        }
        if (parameter.isAnnotationPresent(HeaderParam.class) || parameter.isAnnotationPresent(RestHeader.class)) {
            return "header";
        }
        return "body";
    }

    private static <T> RestResponse<T> json(int status, T body) {
        return RestResponse.ResponseBuilder.<T>create(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }

}
