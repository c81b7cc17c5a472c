package io.shelfwatch.auth.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.time.Duration;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.util.GreenMailUtil;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.shelfwatch.auth.support.GreenMailResource;
import io.shelfwatch.auth.support.Users;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

/** Reset mails go through a real SMTP server; the link works once. */
@QuarkusTest
@WithTestResource(value = GreenMailResource.class, scope = TestResourceScope.GLOBAL)
class PasswordResetTest {

    private static final Pattern LINK = Pattern.compile("(https://app\\.shelfwatch\\.test/reset-password\\?token=([A-Za-z0-9_-]+))");

    static void forgot(String email) {
        given().contentType(ContentType.JSON).body("{\"email\":\"" + email + "\"}")
                .post("/api/v1/auth/forgot-password").then().statusCode(200);
    }

    static io.restassured.response.ValidatableResponse reset(String token, String password) {
        return given().contentType(ContentType.JSON)
                .body("{\"token\":\"" + token + "\",\"new_password\":\"" + password + "\"}")
                .post("/api/v1/auth/reset-password").then();
    }

    private static MimeMessage mailTo(String email) {
        await().atMost(Duration.ofSeconds(30)).until(() -> find(email) != null);
        return find(email);
    }

    private static MimeMessage find(String email) {
        return Arrays.stream(GreenMailResource.server().getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                        .anyMatch(a -> a.toString().equalsIgnoreCase(email));
            } catch (Exception e) {
                return false;
            }
        }).findFirst().orElse(null);
    }

    @Test
    void aResetLinkIsMailedAndWorksOnce() throws Exception {
        Users.Registered user = Users.register();
        forgot(user.email().toUpperCase());

        MimeMessage mail = mailTo(user.email());
        assertEquals("no-reply@shelfwatch.test", mail.getFrom()[0].toString());
        Matcher link = LINK.matcher(GreenMailUtil.getBody(mail).replace("=\r\n", "").replace("=3D", "="));
        assertNotNull(link.find() ? link.group(2) : null, "the mail carries a link on PUBLIC_BASE_URL");
        String token = link.group(2);

        reset(token, "short").statusCode(422);
        reset(token, "brand-new-password").statusCode(200);
        Users.login(user.email(), "brand-new-password");
        given().contentType(ContentType.JSON)
                .body("{\"email\":\"" + user.email() + "\",\"password\":\"" + Users.PASSWORD + "\"}")
                .post("/api/v1/auth/login").then().statusCode(401);
        // The old session's refresh token ended with the reset.
        RefreshTokenTest.refresh(user.refreshToken()).statusCode(401);

        reset(token, "yet-another-password").statusCode(400).body("detail", equalTo("Invalid or expired reset token"));
        reset("made-up-token", "yet-another-password").statusCode(400);
    }

    @Test
    void aNulCharacterInTheEmailIs422AtThatField() {
        // PostgreSQL cannot hold U+0000: it is refused as input before any lookup.
        given().contentType(ContentType.JSON).body("{\"email\":\"x\\u0000y@example.com\"}")
                .post("/api/v1/auth/forgot-password").then().statusCode(422)
                .body("detail[0].loc", contains("body", "email"))
                .body("detail[0].type", equalTo("type_error"));
    }

    @Test
    void anUnknownEmailIsAlso200AndNoMailIsSent() {
        String email = Users.freshEmail();
        forgot(email);
        // A known address asked afterwards is delivered; the unknown one never is.
        Users.Registered known = Users.register();
        forgot(known.email());
        mailTo(known.email());
        assertEquals(null, find(email));
    }
}
