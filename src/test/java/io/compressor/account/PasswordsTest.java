package io.compressor.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordsTest {
    /// Made by the reference implementation (Debian's `argon2` tool), so this checks that our hashes are Argon2id:
    /// `echo -n 'correct horse battery' | argon2 saltsaltsaltsalt -id -t 2 -k 19456 -p 1 -l 32 -e`
    private static final String REFERENCE =
            "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$iPOQ5f2O21FsjnBvo1AiFcDuSXciCnKUrXFO+yfgNoM";

    @Test
    void acceptsTheHashOfTheReferenceImplementationAndOnlyForItsPassword() {
        assertThat(Passwords.matches(REFERENCE, "correct horse battery")).isTrue();
        assertThat(Passwords.matches(REFERENCE, "correct horse batterY")).isFalse();
        assertThat(Passwords.matches(REFERENCE, "")).isFalse();
    }

    @Test
    void aNewHashIsSaltedAndCarriesItsParameters() {
        String first = Passwords.hash("a long enough password");
        String second = Passwords.hash("a long enough password");
        assertThat(first).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").isNotEqualTo(second);
        assertThat(Passwords.matches(first, "a long enough password")).isTrue();
        assertThat(Passwords.matches(second, "a long enough password")).isTrue();
        assertThat(Passwords.matches(first, "another password")).isFalse();
    }

    @Test
    void aMalformedOrForeignHashMatchesNothing() {
        assertThat(Passwords.matches(null, "x")).isFalse();
        assertThat(Passwords.matches("", "x")).isFalse();
        assertThat(Passwords.matches("$2b$12$abcdefghijklmnopqrstuv", "x")).isFalse();
        assertThat(Passwords.matches("$argon2id$v=19$m=x,t=2,p=1$c2FsdA$aGFzaA", "x")).isFalse();
    }
}
