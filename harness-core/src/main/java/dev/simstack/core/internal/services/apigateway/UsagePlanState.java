package dev.simstack.core.internal.services.apigateway;

import dev.simstack.core.SimClock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A usage plan: the API stages it covers, and per API key a throttle and a quota counted per UTC day,
 * week or month.
 */
final class UsagePlanState {

    /** One key's use of the plan. */
    private static final class KeyUse {
        final TokenBucket throttle;
        long periodStart = Long.MIN_VALUE;
        int used;

        KeyUse(TokenBucket throttle) {
            this.throttle = throttle;
        }
    }

    /** What a request with a key gets. */
    enum Verdict { ALLOWED, THROTTLED, QUOTA_EXCEEDED }

    private final String id;
    private volatile String name;
    private volatile String description;
    private volatile double rate;
    private volatile int burst;
    private volatile int quotaLimit;
    private volatile String quotaPeriod;
    private final SimClock clock;
    private final List<String[]> stages = new CopyOnWriteArrayList<>();
    private final Set<String> keyIds = ConcurrentHashMap.newKeySet();
    private final Map<String, KeyUse> uses = new ConcurrentHashMap<>();

    UsagePlanState(String id, String name, double rate, int burst, int quotaLimit, String quotaPeriod,
            SimClock clock) {
        this.id = id;
        this.name = name;
        this.rate = rate;
        this.burst = burst;
        this.quotaLimit = quotaLimit;
        this.quotaPeriod = quotaPeriod;
        this.clock = clock;
    }

    String id() {
        return id;
    }

    String name() {
        return name;
    }

    String description() {
        return description;
    }

    /**
     * Changes the plan (UpdateUsagePlan). Each key gets a throttle of the new rate; what a key used of its quota
     * in the current period stays counted, as on AWS.
     */
    void update(String nextName, String nextDescription, double nextRate, int nextBurst, int nextQuotaLimit,
            String nextQuotaPeriod) {
        this.name = nextName;
        this.description = nextDescription;
        this.rate = nextRate;
        this.burst = nextBurst;
        this.quotaLimit = nextQuotaLimit;
        this.quotaPeriod = nextQuotaPeriod;
        uses.replaceAll((keyId, use) -> {
            KeyUse next = new KeyUse(nextRate > 0 ? new TokenBucket(nextRate, nextBurst, clock) : null);
            synchronized (use) {
                next.periodStart = use.periodStart;
                next.used = use.used;
            }
            return next;
        });
    }

    /** Replaces the API stages the plan covers. */
    void replaceStages(List<String[]> next) {
        stages.clear();
        stages.addAll(next);
    }

    void removeKey(String keyId) {
        keyIds.remove(keyId);
        uses.remove(keyId);
    }

    double rate() {
        return rate;
    }

    int burst() {
        return burst;
    }

    int quotaLimit() {
        return quotaLimit;
    }

    String quotaPeriod() {
        return quotaPeriod;
    }

    List<String[]> stages() {
        return stages;
    }

    void addStage(String apiId, String stage) {
        stages.add(new String[] {apiId, stage});
    }

    boolean covers(String apiId, String stage) {
        return stages.stream().anyMatch(s -> s[0].equals(apiId) && s[1].equals(stage));
    }

    void addKey(String keyId) {
        keyIds.add(keyId);
    }

    boolean hasKey(String keyId) {
        return keyIds.contains(keyId);
    }

    /** Counts one request of {@code keyId}: its throttle first, then its quota. */
    Verdict admit(String keyId) {
        KeyUse use = uses.computeIfAbsent(keyId, k -> new KeyUse(rate > 0 ? new TokenBucket(rate, burst, clock)
                : null));
        if (use.throttle != null && !use.throttle.tryTake()) {
            return Verdict.THROTTLED;
        }
        if (quotaLimit <= 0) {
            return Verdict.ALLOWED;
        }
        synchronized (use) {
            long start = periodStart(clock.now());
            if (start != use.periodStart) {
                use.periodStart = start;
                use.used = 0;
            }
            if (use.used >= quotaLimit) {
                return Verdict.QUOTA_EXCEEDED;
            }
            use.used++;
            return Verdict.ALLOWED;
        }
    }

    private long periodStart(Instant now) {
        ZonedDateTime day = now.atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS);
        switch (quotaPeriod == null ? "DAY" : quotaPeriod) {
            case "WEEK":
                return day.with(TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY)).toEpochSecond();
            case "MONTH":
                return day.withDayOfMonth(1).toEpochSecond();
            default:
                return day.toEpochSecond();
        }
    }
}
