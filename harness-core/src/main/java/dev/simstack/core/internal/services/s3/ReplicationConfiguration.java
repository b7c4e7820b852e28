package dev.simstack.core.internal.services.s3;

import dev.simstack.core.internal.protocol.restxml.RestXmlError;
import dev.simstack.core.internal.protocol.restxml.XmlReader;
import dev.simstack.core.internal.protocol.restxml.XmlWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A bucket's replication configuration (PutBucketReplication), parsed and checked once: the IAM role S3 would
 * assume and the rules, each with its filter, status, priority, delete marker setting and destination bucket.
 * The checks that need other buckets (versioning, the destination's existence) are {@link ReplicationActions}'.
 *
 * @param role the role's ARN
 * @param rules the rules, in the document's order
 */
record ReplicationConfiguration(String role, List<Rule> rules) {

    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]{1,512}");
    private static final Pattern BUCKET_ARN = Pattern.compile("arn:aws[a-z-]*:s3:::([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])");

    /**
     * One rule.
     *
     * @param filtered whether it has a {@code Filter} (the current schema) rather than the older {@code Prefix}
     * @param prefix the key prefix it applies to ({@code ""}: every key)
     * @param tags the tags an object must all have (current schema only)
     * @param priority its priority (the higher wins), or null
     * @param deleteMarkers whether delete markers are replicated (always, in the older schema)
     * @param destination the destination bucket's name
     * @param storageClass the replicas' storage class, or null to keep the source's
     */
    record Rule(String id, boolean filtered, String prefix, Map<String, String> tags, Integer priority,
            boolean enabled, boolean deleteMarkers, String destination, String storageClass) {

        boolean matches(String key, Map<String, String> objectTags) {
            return enabled && key.startsWith(prefix) && tags.entrySet().stream()
                    .allMatch(tag -> tag.getValue().equals(objectTags.get(tag.getKey())));
        }
    }

    static ReplicationConfiguration parse(byte[] body) {
        XmlReader document = XmlReader.parse(body, "ReplicationConfiguration");
        String role = document.text("Role");
        if (role == null || role.isEmpty()) {
            throw S3Errors.malformedXml();
        }
        if (!ROLE_ARN.matcher(role).matches()) {
            throw S3Errors.invalidArgument("Invalid ReplicationConfiguration Role ARN: " + role
                    + " (expected arn:aws:iam::ACCOUNT:role/NAME)", "Role", role);
        }
        List<XmlReader> ruleElements = document.children("Rule");
        if (ruleElements.isEmpty() || ruleElements.size() > 1000) {
            throw S3Errors.malformedXml();
        }
        List<Rule> rules = new ArrayList<>();
        for (XmlReader element : ruleElements) {
            rules.add(rule(element, rules.size() + 1));
        }
        checkTogether(rules);
        return new ReplicationConfiguration(role, List.copyOf(rules));
    }

    private static Rule rule(XmlReader rule, int position) {
        String status = rule.text("Status");
        if (!"Enabled".equals(status) && !"Disabled".equals(status)) {
            throw S3Errors.malformedXml();
        }
        String id = rule.text("ID");
        if (id != null && id.length() > 255) {
            throw S3Errors.invalidArgument("The ID must be less than or equal to 255 characters", "ID", id);
        }
        XmlReader filter = rule.child("Filter");
        String prefix;
        Map<String, String> tags = new LinkedHashMap<>();
        if (filter != null) {
            XmlReader and = filter.child("And");
            XmlReader predicates = and != null ? and : filter;
            prefix = predicates.text("Prefix");
            for (XmlReader tag : predicates.children("Tag")) {
                tags.put(tag.requiredText("Key"), tag.requiredText("Value"));
            }
        } else {
            prefix = rule.text("Prefix");
            if (prefix == null) {
                throw S3Errors.malformedXml();
            }
        }
        String priority = rule.text("Priority");
        XmlReader deleteMarker = rule.child("DeleteMarkerReplication");
        String deleteMarkerStatus = deleteMarker == null ? null : deleteMarker.text("Status");
        if (filter != null) {
            checkCurrentSchema(priority, deleteMarkerStatus, tags);
        }
        XmlReader destination = rule.child("Destination");
        if (destination == null) {
            throw S3Errors.malformedXml();
        }
        String bucketArn = destination.requiredText("Bucket");
        var arn = BUCKET_ARN.matcher(bucketArn);
        if (!arn.matches()) {
            throw S3Errors.invalidArgument("Invalid destination bucket ARN: " + bucketArn
                    + " (expected arn:aws:s3:::BUCKET)", "Bucket", bucketArn);
        }
        return new Rule(id == null || id.isEmpty() ? "rule-" + position : id, filter != null,
                prefix == null ? "" : prefix, Map.copyOf(tags), priority == null ? null : parsePriority(priority),
                status.equals("Enabled"), filter == null || "Enabled".equals(deleteMarkerStatus), arn.group(1),
                destination.text("StorageClass"));
    }

    /** The current schema (with {@code Filter}) needs a priority and a delete marker setting, as S3 says. */
    private static void checkCurrentSchema(String priority, String deleteMarkerStatus, Map<String, String> tags) {
        if (priority == null) {
            throw S3Errors.invalidRequest("Priority must be specified for this version of Cross Region Replication"
                    + " configuration schema. Please refer to S3 Developer Guide for more information.");
        }
        if (deleteMarkerStatus == null) {
            throw S3Errors.invalidRequest("DeleteMarkerReplication must be specified for this version of Cross"
                    + " Region Replication configuration schema. Please refer to S3 Developer Guide for more"
                    + " information.");
        }
        if (!deleteMarkerStatus.equals("Enabled") && !deleteMarkerStatus.equals("Disabled")) {
            throw S3Errors.malformedXml();
        }
        if (deleteMarkerStatus.equals("Enabled") && !tags.isEmpty()) {
            throw S3Errors.invalidRequest("Delete marker replication is not supported if any Tag filter is"
                    + " specified. Please refer to S3 Developer Guide for more information.");
        }
    }

    private static int parsePriority(String priority) {
        try {
            return Integer.parseInt(priority);
        } catch (NumberFormatException e) {
            throw S3Errors.malformedXml();
        }
    }

    /** Rule IDs are unique, and so are the priorities of rules of the current schema. */
    private static void checkTogether(List<Rule> rules) {
        Set<String> ids = new HashSet<>();
        Set<Integer> priorities = new HashSet<>();
        for (Rule rule : rules) {
            if (!ids.add(rule.id())) {
                throw S3Errors.invalidArgument("Rule Id must be unique. Found same ID for more than one rule",
                        "ID", rule.id());
            }
            if (rule.priority() != null && !priorities.add(rule.priority())) {
                throw S3Errors.invalidRequest("Found overlapping priorities. Priorities must be unique: "
                        + rule.priority());
            }
            if (rules.size() > 1 && !rule.filtered()) {
                throw S3Errors.invalidRequest("Multiple rules need the current configuration schema: give each rule"
                        + " a Filter, a Priority and a DeleteMarkerReplication.");
            }
        }
    }

    /** For each destination, the rule of the highest priority that applies to this key and these tags. */
    List<Rule> applicable(String key, Map<String, String> tags) {
        Map<String, Rule> byDestination = new LinkedHashMap<>();
        for (Rule rule : rules) {
            if (rule.matches(key, tags)) {
                byDestination.merge(rule.destination(), rule, (a, b) -> priority(b) > priority(a) ? b : a);
            }
        }
        return List.copyOf(byDestination.values());
    }

    private static int priority(Rule rule) {
        return rule.priority() == null ? 0 : rule.priority();
    }

    /** The document S3 answers for GetBucketReplication. */
    String toXml() {
        XmlWriter xml = XmlWriter.document("ReplicationConfiguration").element("Role", role);
        for (Rule rule : rules) {
            xml.start("Rule").element("ID", rule.id()).element("Priority", rule.priority());
            if (rule.filtered()) {
                filterXml(xml, rule);
            } else {
                xml.element("Prefix", rule.prefix());
            }
            xml.element("Status", rule.enabled() ? "Enabled" : "Disabled");
            if (rule.filtered()) {
                xml.start("DeleteMarkerReplication").element("Status", rule.deleteMarkers() ? "Enabled" : "Disabled")
                        .end("DeleteMarkerReplication");
            }
            xml.start("Destination").element("Bucket", "arn:aws:s3:::" + rule.destination())
                    .element("StorageClass", rule.storageClass()).end("Destination").end("Rule");
        }
        return xml.finish("ReplicationConfiguration");
    }

    private static void filterXml(XmlWriter xml, Rule rule) {
        xml.start("Filter");
        boolean and = rule.tags().size() + (rule.prefix().isEmpty() ? 0 : 1) > 1;
        if (and) {
            xml.start("And");
        }
        xml.element("Prefix", rule.prefix().isEmpty() && !rule.tags().isEmpty() ? null : rule.prefix());
        rule.tags().forEach((key, value) -> xml.start("Tag").element("Key", key).element("Value", value).end("Tag"));
        if (and) {
            xml.end("And");
        }
        xml.end("Filter");
    }

    /** Reads back what {@link #toXml} wrote (a data directory's copy). */
    static ReplicationConfiguration fromXml(String xml) {
        return parse(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    static RestXmlError notFound() {
        return new RestXmlError("ReplicationConfigurationNotFoundError", 404,
                "The replication configuration was not found");
    }
}
