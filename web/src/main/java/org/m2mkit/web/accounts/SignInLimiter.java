package org.m2mkit.web.accounts;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.EstimationProbe;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.m2mkit.web.db.CountedBucket;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * Slows down password guessing, at sign-in and at a password change. Only wrong passwords count: per user name
 * from one client address, and per client address over all user names, a token bucket (Bucket4j) allows a few
 * and then one more every few seconds. A guesser elsewhere therefore cannot lock a person out, and a class
 * signing in from behind one address is not held up by its own successful sign-ins. The buckets live in a
 * bounded cache (Caffeine) so a flood of made-up names cannot fill the memory. Kits that share one database count
 * the wrong passwords in it instead ({@link #sharedIn}), so that a guesser cannot spread guesses over the kits.
 */
public final class SignInLimiter {

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder().maximumSize(50_000)
            .expireAfterAccess(Duration.ofMinutes(15)).build();
    private final int perUser;
    private final int perAddress;
    private final Duration refill;
    private final SignInFailures shared;

    /** 5 wrong passwords per user name and address, 30 per address; one more back every 12 seconds. */
    public SignInLimiter() {
        this(5, 30, Duration.ofSeconds(12), null);
    }

    /**
     * The same limits, counted in {@code db} when it is not null: for several kits on one database, each of which
     * then counts the wrong passwords given to any of them.
     */
    public static SignInLimiter sharedIn(DataSource db) {
        return new SignInLimiter(5, 30, Duration.ofSeconds(12), db == null ? null : new SignInFailures(db));
    }

    public SignInLimiter(int perUser, int perAddress, Duration refill) {
        this(perUser, perAddress, refill, null);
    }

    private SignInLimiter(int perUser, int perAddress, Duration refill, SignInFailures shared) {
        this.perUser = perUser;
        this.perAddress = perAddress;
        this.refill = refill;
        this.shared = shared;
    }

    /** Whether a password may be tried now: empty when it may, else how many seconds until it may. */
    public OptionalLong check(String username, String address) {
        if (shared != null) {
            Instant now = Instant.now();
            Duration user = shared.untilOne(userKey(username, address), new CountedBucket(perUser, refill), now);
            Duration addr = shared.untilOne(addressKey(address), new CountedBucket(perAddress, refill), now);
            Duration wait = user.compareTo(addr) >= 0 ? user : addr;
            return wait.isZero() ? OptionalLong.empty()
                    : OptionalLong.of(Math.max(1, (wait.toNanos() + 999_999_999L) / 1_000_000_000L));
        }
        EstimationProbe user = userBucket(username, address).estimateAbilityToConsume(1);
        if (!user.canBeConsumed()) {
            return OptionalLong.of(seconds(user));
        }
        EstimationProbe addr = addressBucket(address).estimateAbilityToConsume(1);
        return addr.canBeConsumed() ? OptionalLong.empty() : OptionalLong.of(seconds(addr));
    }

    /** Counts a wrong password. */
    public void failed(String username, String address) {
        if (shared != null) {
            shared.failed(userKey(username, address), addressKey(address), Instant.now());
            return;
        }
        userBucket(username, address).consumeIgnoringRateLimits(1);
        addressBucket(address).consumeIgnoringRateLimits(1);
    }

    private static String userKey(String username, String address) {
        return "u:" + username.toLowerCase(Locale.ROOT) + "@" + address;
    }

    private static String addressKey(String address) {
        return "a:" + address;
    }

    private Bucket userBucket(String username, String address) {
        return bucket(userKey(username, address), perUser);
    }

    private Bucket addressBucket(String address) {
        return bucket(addressKey(address), perAddress);
    }

    private Bucket bucket(String key, int capacity) {
        return buckets.get(key, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(1, refill).build()).build());
    }

    private static long seconds(EstimationProbe estimate) {
        return Math.max(1, (estimate.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
    }
}
