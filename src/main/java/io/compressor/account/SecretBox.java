package io.compressor.account;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/// AES-256-GCM under the master key: what keeps connector credentials encrypted at rest. A sealed
/// value is `version (1) | nonce (12) | ciphertext+tag`; `aad` binds it to its row, so a sealed
/// value copied to another connector does not open.
public final class SecretBox {
    private static final byte VERSION = 1;
    private static final int NONCE = 12;
    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    public SecretBox(byte[] masterKey) {
        if (masterKey.length != 32) {
            throw new IllegalArgumentException("the master key must be 32 bytes (AES-256)");
        }
        this.key = new SecretKeySpec(masterKey.clone(), "AES");
    }

    public byte[] seal(byte[] plain, String aad) {
        byte[] nonce = new byte[NONCE];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            cipher.updateAAD(aad.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(1 + NONCE + sealed.length).put(VERSION).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        }
    }

    /// Whether this box opens `sealed`: whether it holds the key it was sealed under.
    public boolean opens(byte[] sealed, String aad) {
        try {
            open(sealed, aad);
            return true;
        } catch (IllegalStateException wrongKey) {
            return false;
        }
    }

    public byte[] open(byte[] sealed, String aad) {
        if (sealed.length < 1 + NONCE + 16 || sealed[0] != VERSION) {
            throw new IllegalStateException("not a sealed value of this version");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, Arrays.copyOfRange(sealed, 1, 1 + NONCE)));
            cipher.updateAAD(aad.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return cipher.doFinal(sealed, 1 + NONCE, sealed.length - 1 - NONCE);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot open a sealed value: wrong master key, or the value was altered");
        }
    }
}
