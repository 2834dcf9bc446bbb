package org.m2mkit.labs.wire;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs the commands that change HVAC set points, so that only the kit's own components can give them: the
 * cloud signs its demand-response events and the gateway runtime its HVAC commands with a key made for the run
 * (HMAC-SHA256, from the JDK), and the receivers drop what is not signed with it. The broker's topic rules already
 * keep other clients off those topics; this also covers what the rules cannot see, such as a client's last will
 * (the broker publishes a will on its own, without asking the rules).
 */
public final class Signer {
    /** Signs nothing and accepts everything: for a component run on its own, as a benchmark does. */
    public static final Signer NONE = new Signer(null);

    private final SecretKeySpec key;

    private Signer(byte[] key) {
        this.key = key == null ? null : new SecretKeySpec(key, "HmacSHA256");
    }

    /** A signer with a fresh random key. */
    public static Signer random() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return new Signer(key);
    }

    /** The signature of {@code canonical}, or null for {@link #NONE}. */
    public String sign(String canonical) {
        if (key == null) {
            return null;
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac(canonical));
    }

    /** Whether {@code signature} is this signer's for {@code canonical} ({@link #NONE} accepts anything). */
    public boolean verify(String canonical, String signature) {
        if (key == null) {
            return true;
        }
        if (signature == null) {
            return false;
        }
        byte[] given;
        try {
            given = Base64.getUrlDecoder().decode(signature);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(mac(canonical), given);
    }

    private byte[] mac(String canonical) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
