package org.m2mkit.web.accounts;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * Slows down password guessing: per user name and per client address, a token bucket (Bucket4j) allows a few
 * attempts and then one more every few seconds. The buckets live in a bounded cache (Caffeine) so a flood of
 * made-up names cannot fill the memory.
 */
public final class SignInLimiter {

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder().maximumSize(50_000)
            .expireAfterAccess(Duration.ofMinutes(15)).build();
    private final int perUser;
    private final int perAddress;
    private final Duration refill;

    /** 5 attempts per user name and 30 per address, one more back every 12 seconds. */
    public SignInLimiter() {
        this(5, 30, Duration.ofSeconds(12));
    }

    public SignInLimiter(int perUser, int perAddress, Duration refill) {
        this.perUser = perUser;
        this.perAddress = perAddress;
        this.refill = refill;
    }

    /** Takes one attempt; empty when allowed, else how many seconds until the next one is. */
    public OptionalLong attempt(String username, String address) {
        ConsumptionProbe user = bucket("u:" + username.toLowerCase(Locale.ROOT), perUser).tryConsumeAndReturnRemaining(1);
        if (!user.isConsumed()) {
            return OptionalLong.of(seconds(user));
        }
        ConsumptionProbe addr = bucket("a:" + address, perAddress).tryConsumeAndReturnRemaining(1);
        return addr.isConsumed() ? OptionalLong.empty() : OptionalLong.of(seconds(addr));
    }

    private Bucket bucket(String key, int capacity) {
        return buckets.get(key, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(1, refill).build()).build());
    }

    private static long seconds(ConsumptionProbe probe) {
        return Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
    }
}
