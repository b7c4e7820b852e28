package dev.simstack.assertions.internal;

import dev.simstack.core.AwsService;
import dev.simstack.core.LedgerEntry;
import dev.simstack.core.LedgerEntry.HttpCall;
import dev.simstack.core.LedgerEntry.ItemWrite;
import dev.simstack.core.LedgerEntry.ObjectWrite;
import dev.simstack.core.LedgerEntry.ObjectWriteKind;
import dev.simstack.core.ResourceRef;
import dev.simstack.core.TableHandle;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** How a write's business key is read, and which writes count at all. */
public final class BusinessKey {

    /** Writes DynamoDB makes itself, not a consumer's effects. */
    private static final Set<String> SERVICE_WRITES = Set.of("Replication", "TimeToLive");
    private static final Set<ObjectWriteKind> OBJECT_EFFECTS = Set.of(ObjectWriteKind.PUT, ObjectWriteKind.COPY,
            ObjectWriteKind.COMPLETE_MULTIPART_UPLOAD);

    private final String description;
    private final String labelPrefix;
    /** The reader of a write's key over the ledger's entries (most keys need only the write). */
    private final Function<List<LedgerEntry>, Function<LedgerEntry, String>> readerOver;

    private BusinessKey(String description, String labelPrefix, Function<LedgerEntry, String> reader) {
        this(description, (List<LedgerEntry> entries) -> reader, labelPrefix);
    }

    private BusinessKey(String description, Function<List<LedgerEntry>, Function<LedgerEntry, String>> readerOver,
            String labelPrefix) {
        this.description = description;
        this.labelPrefix = labelPrefix;
        this.readerOver = readerOver;
    }

    /** By item key text. */
    public static BusinessKey itemKey() {
        return new BusinessKey("item key", "", entry -> written(entry));
    }

    /** By object key. */
    public static BusinessKey objectKey() {
        return new BusinessKey("object key", "", entry -> written(entry));
    }

    /**
     * By the business key an HTTP dependency read from each call (a call without one is keyed by its method
     * and path, e.g. {@code <no business key: GET /status>}).
     */
    public static BusinessKey callKey() {
        return new BusinessKey("business key", "", entry -> written(entry));
    }

    /** By a function of the written key. */
    public static BusinessKey function(Function<String, String> function) {
        return new BusinessKey("a function of the written key", "", entry -> function.apply(written(entry)));
    }

    /**
     * By a function of the body of the message(s) the invocation running at the write carried (see
     * {@link MessageBodyKey}).
     */
    public static BusinessKey messageBody(Function<String, String> function) {
        return new BusinessKey("a function of the message body",
                (List<LedgerEntry> entries) -> new MessageBodyKey(function, entries), "");
    }

    /**
     * By an attribute: from the key text when it is a key attribute, else from the item now in {@code table}
     * (read once, on first need).
     */
    public static BusinessKey attribute(String attribute, TableHandle table) {
        Map<List<String>, Map<String, Map<String, Object>>> itemsByKeyNames = new HashMap<>();
        return new BusinessKey("attribute " + attribute, attribute + "=", entry -> {
            String key = written(entry);
            Map<String, String> keyAttributes = ItemKeyText.parse(key);
            if (keyAttributes.containsKey(attribute)) {
                return keyAttributes.get(attribute);
            }
            List<String> names = List.copyOf(keyAttributes.keySet());
            Map<String, Object> item = itemsByKeyNames.computeIfAbsent(names, n -> index(table, n)).get(key);
            return item != null && item.get(attribute) != null ? ItemKeyText.valueText(item.get(attribute))
                    : "<no " + attribute + ": " + key + ">";
        });
    }

    /** What the keys are, for messages: {@code attribute orderId}. */
    public String description() {
        return description;
    }

    /** A business key as failures name it: {@code orderId=o-1} by attribute, the key itself otherwise. */
    public String label(String key) {
        return key.startsWith("<") ? key : labelPrefix + key;
    }

    /** Whether {@code entry} is a write to {@code resource} that can be an effect. */
    public boolean counts(LedgerEntry entry, ResourceRef resource) {
        if (resource.service() == AwsService.DYNAMODB) {
            return entry instanceof ItemWrite write && write.table().equals(resource)
                    && !SERVICE_WRITES.contains(write.operation());
        }
        return entry instanceof ObjectWrite write && write.bucket().name().equals(resource.name())
                && OBJECT_EFFECTS.contains(write.kind());
    }

    /** The reader of the business key of a counted write, among the ledger's {@code entries}. */
    public Function<LedgerEntry, String> over(List<LedgerEntry> entries) {
        return readerOver.apply(entries);
    }

    /** Whether {@code entry} is a call to the HTTP dependency {@code dependency}. */
    public static boolean counts(LedgerEntry entry, String dependency) {
        return entry instanceof HttpCall call && call.dependency().equals(dependency);
    }

    /**
     * Whether a counted write was applied (not refused by its condition), or a counted HTTP call succeeded
     * (answered 2xx).
     */
    public static boolean applied(LedgerEntry write) {
        if (write instanceof HttpCall call) {
            return call.status() >= 200 && call.status() < 300;
        }
        return write instanceof ItemWrite item ? item.outcome() == LedgerEntry.ConditionOutcome.APPLIED
                : ((ObjectWrite) write).outcome() == LedgerEntry.WriteOutcome.APPLIED;
    }

    private static String written(LedgerEntry entry) {
        if (entry instanceof HttpCall call) {
            return call.businessKey() != null ? call.businessKey()
                    : "<no business key: " + call.method() + " " + call.path() + ">";
        }
        return entry instanceof ItemWrite item ? item.key() : ((ObjectWrite) entry).key();
    }

    private static Map<String, Map<String, Object>> index(TableHandle table, List<String> keyNames) {
        Map<String, Map<String, Object>> byKey = new HashMap<>();
        try {
            table.items().forEach(item -> byKey.put(ItemKeyText.of(item, keyNames), item));
        } catch (IllegalStateException deleted) {
            // A deleted table has no items to read attributes from; its writes are keyed as having none.
        }
        return byKey;
    }
}
