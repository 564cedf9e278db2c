package io.compressor.account;

import io.compressor.error.ErrorCode;
import io.compressor.error.RetryLaterException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/// How many password hashes (`Passwords`, Argon2id) may run at once. Each takes 19 MiB of heap and tens of
/// milliseconds of a core, and anyone who can reach the sign-in form can ask for one: unbounded, a flood of attempts
/// would take the image work's cores and then the heap. A hash waits up to `wait` for its turn; past that the attempt
/// is refused with `busy` and a `Retry-After`, before any password is looked at.
public final class HashingLimit {
    private final Semaphore turns;
    private final int atOnce;
    private final Duration wait;

    public HashingLimit(int atOnce, Duration wait) {
        if (atOnce < 1) {
            throw new IllegalArgumentException("at least one hash at a time, not " + atOnce);
        }
        this.turns = new Semaphore(atOnce, true);
        this.atOnce = atOnce;
        this.wait = wait;
    }

    /// Half the cores (at least one), each waiting up to two seconds: sign-ins stay quick for people, and the
    /// other half of the machine stays with the images whatever arrives at the form.
    public static HashingLimit forThisMachine() {
        return new HashingLimit(Math.max(1, Runtime.getRuntime().availableProcessors() / 2), Duration.ofSeconds(2));
    }

    <T> T run(Supplier<T> hashing) {
        boolean taken;
        try {
            taken = turns.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            taken = false;
        }
        if (!taken) {
            throw new RetryLaterException(ErrorCode.BUSY, "Too many sign-ins are being checked at once (" + atOnce
                    + " at a time here); try again in a few seconds.", Duration.ofSeconds(5));
        }
        try {
            return hashing.get();
        } finally {
            turns.release();
        }
    }
}
