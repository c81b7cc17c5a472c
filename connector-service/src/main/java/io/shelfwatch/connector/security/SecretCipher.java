package io.shelfwatch.connector.security;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import io.shelfwatch.connector.config.ConnectorConfig;
import jakarta.enterprise.context.ApplicationScoped;

/** AES-256-GCM for secrets at rest, keyed by ENCRYPTION_KEY. Output: 12-byte nonce, then ciphertext and tag. */
@ApplicationScoped
public class SecretCipher {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecureRandom random = new SecureRandom();
    private final ConnectorConfig config;

    public SecretCipher(ConnectorConfig config) {
        this.config = config;
    }

    public byte[] encrypt(byte[] plaintext) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    public byte[] encrypt(String plaintext) {
        return encrypt(plaintext.getBytes(StandardCharsets.UTF_8));
    }

    public String decryptToString(byte[] sealed) {
        return new String(decrypt(sealed), StandardCharsets.UTF_8);
    }

    public byte[] decrypt(byte[] sealed) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
            return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            // Never include key material or ciphertext in the message.
            throw new IllegalStateException("decryption failed: ENCRYPTION_KEY does not match the stored secret");
        }
    }

    private SecretKeySpec key() {
        String encoded = config.encryptionKey().filter(k -> !k.isBlank())
                .orElseThrow(() -> new IllegalStateException(
                        "ENCRYPTION_KEY is not set: it must be the base64 of 32 random bytes"));
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(encoded.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("ENCRYPTION_KEY is not valid base64");
        }
        if (raw.length != 32) {
            throw new IllegalStateException("ENCRYPTION_KEY must decode to 32 bytes, not " + raw.length);
        }
        return new SecretKeySpec(raw, "AES");
    }
}
