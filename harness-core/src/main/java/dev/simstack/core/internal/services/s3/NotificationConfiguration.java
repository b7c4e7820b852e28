package dev.simstack.core.internal.services.s3;

import dev.simstack.core.internal.protocol.restxml.XmlReader;
import dev.simstack.core.internal.protocol.restxml.XmlWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A bucket's event notification configuration: queue, topic and Lambda targets, each with the events it
 * wants and an optional key filter (one prefix and/or one suffix rule), as PutBucketNotificationConfiguration
 * takes it. Immutable; a put replaces the whole configuration.
 */
record NotificationConfiguration(List<Target> targets, boolean eventBridge) {

    static final NotificationConfiguration NONE = new NotificationConfiguration(List.of(), false);

    /** Event families S3 publishes ("Event notification types and destinations"). */
    private static final Set<String> FAMILIES = Set.of("ObjectCreated", "ObjectRemoved", "ObjectRestore",
            "ReducedRedundancyLostObject", "Replication", "LifecycleExpiration", "LifecycleTransition",
            "IntelligentTiering", "ObjectTagging", "ObjectAcl");

    /** Where a target's events go; each is written back under its own XML element names. */
    enum Kind {
        QUEUE("QueueConfiguration", "Queue"),
        TOPIC("TopicConfiguration", "Topic"),
        LAMBDA("CloudFunctionConfiguration", "CloudFunction");

        final String element;
        final String arnElement;

        Kind(String element, String arnElement) {
            this.element = element;
            this.arnElement = arnElement;
        }
    }

    /** One target: its id, kind, ARN, events and key filter (null rules match every key). */
    record Target(String id, Kind kind, String arn, List<String> events, String prefix, String suffix) {

        /** True if {@code eventName} (e.g. {@code ObjectCreated:Put}) on {@code key} is one it wants. */
        boolean wants(String eventName, String key) {
            if ((prefix != null && !key.startsWith(prefix)) || (suffix != null && !key.endsWith(suffix))) {
                return false;
            }
            String family = eventName.substring(0, eventName.indexOf(':'));
            for (String event : events) {
                if (event.equals("s3:" + eventName) || event.equals("s3:" + family + ":*")) {
                    return true;
                }
            }
            return false;
        }
    }

    static NotificationConfiguration parse(byte[] body, Supplier<String> ids) {
        XmlReader root = XmlReader.parse(body, "NotificationConfiguration");
        List<Target> targets = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            for (XmlReader target : root.children(kind.element)) {
                targets.add(target(target, kind, ids));
            }
        }
        return new NotificationConfiguration(List.copyOf(targets), root.child("EventBridgeConfiguration") != null);
    }

    private static Target target(XmlReader xml, Kind kind, Supplier<String> ids) {
        String arn = xml.requiredText(kind.arnElement);
        List<String> events = new ArrayList<>();
        for (XmlReader event : xml.children("Event")) {
            events.add(checkEvent(event.text().trim()));
        }
        if (events.isEmpty()) {
            throw S3Errors.malformedXml();
        }
        String prefix = null;
        String suffix = null;
        XmlReader filter = xml.child("Filter");
        XmlReader s3Key = filter == null ? null : filter.child("S3Key");
        for (XmlReader rule : s3Key == null ? List.<XmlReader>of() : s3Key.children("FilterRule")) {
            String name = rule.requiredText("Name").toLowerCase(Locale.ROOT);
            String value = rule.requiredText("Value");
            if (name.equals("prefix") && prefix == null) {
                prefix = value;
            } else if (name.equals("suffix") && suffix == null) {
                suffix = value;
            } else {
                throw S3Errors.invalidArgument("filter rule name must be either prefix or suffix, once each",
                        "FilterRule", name);
            }
        }
        String id = xml.text("Id");
        return new Target(id == null || id.isEmpty() ? ids.get() : id, kind, arn, List.copyOf(events), prefix, suffix);
    }

    static String checkEvent(String event) {
        String[] parts = event.split(":");
        if (parts.length < 2 || parts.length > 3 || !parts[0].equals("s3") || !FAMILIES.contains(parts[1])) {
            throw S3Errors.invalidArgument("The event is not supported for notifications", "Event", event);
        }
        return event;
    }

    String toXml() {
        XmlWriter xml = XmlWriter.document("NotificationConfiguration");
        for (Target target : targets) {
            xml.start(target.kind().element).element("Id", target.id()).element(target.kind().arnElement, target.arn());
            target.events().forEach(event -> xml.element("Event", event));
            if (target.prefix() != null || target.suffix() != null) {
                xml.start("Filter").start("S3Key");
                rule(xml, "prefix", target.prefix());
                rule(xml, "suffix", target.suffix());
                xml.end("S3Key").end("Filter");
            }
            xml.end(target.kind().element);
        }
        if (eventBridge) {
            xml.raw("<EventBridgeConfiguration/>");
        }
        return xml.finish("NotificationConfiguration");
    }

    private static void rule(XmlWriter xml, String name, String value) {
        if (value != null) {
            xml.start("FilterRule").element("Name", name).element("Value", value).end("FilterRule");
        }
    }
}
