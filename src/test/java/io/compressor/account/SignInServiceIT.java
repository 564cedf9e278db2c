package io.compressor.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.compressor.db.Database;
import io.compressor.db.DbConfig;
import io.compressor.db.SqlAccountStore;
import io.compressor.db.SqlSignInStore;
import io.compressor.error.ServiceException;
import io.compressor.testing.TestDatabases;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import io.compressor.testing.MovableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/// Dashboard sign-in against the real databases: passwords, the lock-out and sessions.
@ParameterizedClass
@ValueSource(strings = {"sqlite", "postgres"})
class SignInServiceIT {
    private static final String PASSWORD = "a long enough password";

    @Parameter
    String engine;

    @TempDir
    Path dir;

    private Database database;
    private MovableClock clock;
    private SignInService signIns;
    private Account account;
    private final HashingLimit hashing = new HashingLimit(1, Duration.ofMillis(200));

    @BeforeEach
    void open() {
        database = Database.open(new DbConfig(TestDatabases.fresh(engine, dir), null, null, 2));
        clock = new MovableClock();
        AccountService accounts = new AccountService(new SqlAccountStore(database), new SecretBox(new byte[32]), clock);
        account = accounts.create("Signer", "signer@example.com");
        signIns = new SignInService(new SqlSignInStore(database), accounts, clock, hashing);
        signIns.setPassword(account.id(), PASSWORD);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void theRightPasswordOpensASessionThatLastsTwelveHours() {
        Session session = signIns.signIn("  Signer@Example.com ", PASSWORD);
        assertThat(session.accountId()).isEqualTo(account.id());
        assertThat(signIns.session(session.token())).get().extracting(Session::csrfToken).isEqualTo(session.csrfToken());
        clock.now = clock.now.plus(SignInService.SESSION).minusSeconds(1);
        assertThat(signIns.session(session.token())).isPresent();
        clock.now = clock.now.plusSeconds(1);
        assertThat(signIns.session(session.token())).isEmpty();
        assertThat(signIns.sweepSessions()).isEqualTo(1);
    }

    @Test
    void signingOutEndsTheSessionAndAnUnknownTokenIsNoSession() {
        Session session = signIns.signIn("signer@example.com", PASSWORD);
        signIns.signOut(session.token());
        assertThat(signIns.session(session.token())).isEmpty();
        assertThat(signIns.session("made-up")).isEmpty();
        assertThat(signIns.session(null)).isEmpty();
    }

    @Test
    void aWrongPasswordAndAnUnknownEmailGetTheSameAnswer() {
        assertThatThrownBy(() -> signIns.signIn("signer@example.com", "wrong password"))
                .isInstanceOf(ServiceException.class).hasMessage("Wrong email or password.");
        assertThatThrownBy(() -> signIns.signIn("nobody@example.com", PASSWORD))
                .isInstanceOf(ServiceException.class).hasMessage("Wrong email or password.");
    }

    @Test
    void fiveFailuresInARowLockTheAccountForFifteenMinutesEvenForTheRightPassword() {
        for (int i = 1; i < SignInService.MAX_FAILURES; i++) {
            assertThatThrownBy(() -> signIns.signIn("signer@example.com", "wrong")).hasMessage("Wrong email or password.");
        }
        assertThatThrownBy(() -> signIns.signIn("signer@example.com", "wrong"))
                .hasMessageStartingWith("Too many failed sign-ins: this account is locked for 15 more minutes.");
        assertThatThrownBy(() -> signIns.signIn("signer@example.com", PASSWORD))
                .hasMessageStartingWith("Too many failed sign-ins");
        clock.now = clock.now.plus(Duration.ofMinutes(10));
        assertThatThrownBy(() -> signIns.signIn("signer@example.com", PASSWORD)).hasMessageContaining("5 more minutes");
        clock.now = clock.now.plus(Duration.ofMinutes(5));
        assertThat(signIns.signIn("signer@example.com", PASSWORD).accountId()).isEqualTo(account.id());
    }

    @Test
    void aSuccessResetsTheCountAndANewPasswordLiftsALock() {
        for (int i = 1; i < SignInService.MAX_FAILURES; i++) {
            assertThatThrownBy(() -> signIns.signIn("signer@example.com", "wrong")).hasMessage("Wrong email or password.");
        }
        signIns.signIn("signer@example.com", PASSWORD);
        assertThatThrownBy(() -> signIns.signIn("signer@example.com", "wrong")).hasMessage("Wrong email or password.");
        for (int i = 1; i < SignInService.MAX_FAILURES; i++) {
            assertThatThrownBy(() -> signIns.signIn("signer@example.com", "wrong")).isInstanceOf(ServiceException.class);
        }
        assertThatThrownBy(() -> signIns.signIn("signer@example.com", PASSWORD)).hasMessageStartingWith("Too many");
        signIns.setPassword(account.id(), "a brand new password");
        assertThat(signIns.signIn("signer@example.com", "a brand new password").accountId()).isEqualTo(account.id());
    }

    @Test
    void aShortPasswordOrAnAccountWithoutEmailIsRefusedWithTheReason() {
        assertThatThrownBy(() -> signIns.setPassword(account.id(), "short")).hasMessage("password: expected 10 to 200 characters");
        AccountService accounts = new AccountService(new SqlAccountStore(database), new SecretBox(new byte[32]), clock);
        Account noEmail = accounts.create("No email", null);
        assertThatThrownBy(() -> signIns.setPassword(noEmail.id(), PASSWORD)).hasMessageContaining("has no email");
    }

    @Test
    void whileEveryHashingTurnIsTakenAnAttemptIsRefusedBusyAndChangesNothing() throws Exception {
        var holding = new java.util.concurrent.CountDownLatch(1);
        var release = new java.util.concurrent.CountDownLatch(1);
        Thread other = Thread.ofVirtual().start(() -> hashing.run(() -> {
            holding.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }));
        holding.await();
        try {
            for (int i = 0; i < SignInService.MAX_FAILURES + 1; i++) {
                assertThatThrownBy(() -> signIns.signIn("signer@example.com", "wrong password"))
                        .isInstanceOfSatisfying(io.compressor.error.RetryLaterException.class, e -> {
                            assertThat(e.errorCode()).isEqualTo(io.compressor.error.ErrorCode.BUSY);
                            assertThat(e.retryAfter()).isPositive();
                        })
                        .hasMessage("Too many sign-ins are being checked at once (1 at a time here); try again in a few"
                                + " seconds.");
            }
            assertThatThrownBy(() -> signIns.signIn("nobody@example.com", PASSWORD))
                    .isInstanceOf(io.compressor.error.RetryLaterException.class);
        } finally {
            release.countDown();
            other.join();
        }
        // the refused attempts were never counted as failures: the right password still opens a session
        assertThat(signIns.signIn("signer@example.com", PASSWORD).accountId()).isEqualTo(account.id());
    }
}
