package io.compressor.storage;

/// Takes credentials out of a provider's text before it becomes an error message. Values too short to
/// be real credentials (under 8 characters) are left alone: replacing them would mangle the text.
public final class Redaction {
    private Redaction() {}

    public static String without(String text, String... secrets) {
        String out = text;
        for (String secret : secrets) {
            if (secret != null && secret.length() >= 8) {
                out = out.replace(secret, "••••");
            }
        }
        return out;
    }
}
