package dev.simstack.assertions;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.simstack.assertions.error.ShouldApplyEachKeyOnce;
import dev.simstack.assertions.internal.BusinessKey;
import dev.simstack.assertions.internal.EffectTimeline;
import dev.simstack.assertions.internal.MessageText;
import dev.simstack.core.LedgerEntry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apiguardian.api.API;
import org.assertj.core.api.AbstractAssert;

/**
 * Whether each business key's effect happened exactly once, counted from the writes (or HTTP calls) the ledger
 * records (see {@link Effects} for what counts). Choose the key with {@link #byItemKey()} (a table's default),
 * {@link #byAttribute(String)}, {@link #by(Function)} or {@link #byMessageBody(Function)}, optionally a few keys with {@link #keys(String...)},
 * then check with {@link #eachKeyAppliedOnce()}.
 */
@API(status = EXPERIMENTAL, since = "0.2")
public class EffectsAssert extends AbstractAssert<EffectsAssert, Effects> {

    /**
     * Assertions on {@code actual}.
     *
     * @param actual the writes to count and how to key them
     */
    public EffectsAssert(Effects actual) {
        super(actual, EffectsAssert.class);
    }

    /** Under soft assertions, the collector to proxy the asserts this one leads to; else null. */
    private Origin origin;

    static EffectsAssert of(Origin origin, Effects effects) {
        EffectsAssert made = origin.make(EffectsAssert.class, Effects.class, effects, EffectsAssert::new);
        made.bind(origin);
        return made;
    }

    void bind(Origin from) {
        this.origin = from;
    }

    private EffectsAssert next(Effects effects) {
        return origin == null ? new EffectsAssert(effects) : of(origin, effects);
    }

    /**
     * Keys the writes by item key ({@code id=o-1}, {@code pk=a, sk=5}).
     *
     * @return the assertion on the writes so keyed
     * @throws IllegalStateException for object writes
     */
    public EffectsAssert byItemKey() {
        return next(actual.byItemKey());
    }

    /**
     * Keys the writes by an attribute of the item (see {@link Effects#byAttribute(String)}).
     *
     * @param attribute the attribute's name, e.g. {@code orderId}
     * @return the assertion on the writes so keyed
     * @throws IllegalStateException for object writes
     */
    public EffectsAssert byAttribute(String attribute) {
        return next(actual.byAttribute(attribute));
    }

    /**
     * Keys the writes by a function of the written key (the item key text or the object key).
     *
     * @param businessKey maps a written key to its business key
     * @return the assertion on the writes so keyed
     */
    public EffectsAssert by(Function<String, String> businessKey) {
        return next(actual.by(businessKey));
    }

    /**
     * Keys the writes by a function of the body of the message the invocation running at each write carried
     * (see {@link Effects#byMessageBody(Function)}).
     *
     * @param businessKey maps a message body to its business key, e.g. a JSON field's value
     * @return the assertion on the writes so keyed
     */
    public EffectsAssert byMessageBody(Function<String, String> businessKey) {
        return next(actual.byMessageBody(businessKey));
    }

    /**
     * Checks only these business keys; each must have been applied (a key never written fails as applied 0
     * times).
     *
     * @param businessKeys the keys
     * @return the assertion on those keys
     */
    public EffectsAssert keys(String... businessKeys) {
        return next(actual.keys(Arrays.asList(businessKeys)));
    }

    /**
     * Each business key (every key written, or those given to {@link #keys(String...)}) was applied exactly
     * once: one applied write, however many more were refused by their condition; for an HTTP dependency, one
     * call answered 2xx, however many more failed (another status, or a reset connection). The failure lists each
     * other key with its writes and the deliveries and invocations around them, in ledger order.
     *
     * @return this assertion
     * @throws IllegalStateException keyed {@link #byMessageBody(Function) by message body}, for a write whose
     *     message cannot be told (see {@link Effects#byMessageBody(Function)})
     */
    public EffectsAssert eachKeyAppliedOnce() {
        isNotNull();
        List<LedgerEntry> entries = actual.ledger().entries();
        actual.ledger().requireComplete("idempotency() of the " + actual);
        Map<String, List<LedgerEntry>> writesByKey = writesByKey(entries);
        EffectTimeline timeline = new EffectTimeline(entries);
        List<String> offending = new ArrayList<>();
        writesByKey.forEach((key, writes) -> {
            long applied = writes.stream().filter(BusinessKey::applied).count();
            if (applied != 1) {
                offending.add(actual.businessKey().label(key) + ": applied " + applied
                        + (applied == 1 ? " time" : " times") + (actual.httpCalls() ? ", failed " : ", refused ")
                        + (writes.size() - applied) + MessageText.indented(timeline.of(writes), 2));
            }
        });
        if (!offending.isEmpty()) {
            throwAssertionError(actual.httpCalls()
                    ? ShouldApplyEachKeyOnce.shouldCallEachKeyOnce(actual.toString(), writesByKey.size(), offending)
                    : ShouldApplyEachKeyOnce.shouldApplyEachKeyOnce(actual.toString(), writesByKey.size(),
                            offending));
        }
        return myself;
    }

    /**
     * The same check as {@link #eachKeyAppliedOnce()}, to read well after {@link #keys(String...)}.
     *
     * @return this assertion
     */
    public EffectsAssert eachAppliedOnce() {
        return eachKeyAppliedOnce();
    }

    /** The counted writes by business key: the given keys first (in their order), then the others found. */
    private Map<String, List<LedgerEntry>> writesByKey(List<LedgerEntry> entries) {
        Map<String, List<LedgerEntry>> byKey = new LinkedHashMap<>();
        actual.keys().forEach(key -> byKey.put(key, new ArrayList<>()));
        Function<LedgerEntry, String> businessKey = actual.businessKey().over(entries);
        for (LedgerEntry entry : entries) {
            if (actual.counts(entry)) {
                String key = businessKey.apply(entry);
                if (actual.keys().isEmpty() || byKey.containsKey(key)) {
                    byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(entry);
                }
            }
        }
        return byKey;
    }
}
