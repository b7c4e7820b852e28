package dev.simstack.core.internal.services.iam;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/** IAM's output shapes: {@code Role}, {@code Policy}, {@code PolicyVersion}, tags, dates and documents. */
final class IamJson {

    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private IamJson() {
    }

    /** A {@code Role}; GetRole's also carries {@code RoleLastUsed} and the tags. */
    static ObjectNode role(IamRole role, boolean full) {
        ObjectNode json = NODES.objectNode()
                .put("Path", role.path)
                .put("RoleName", role.name)
                .put("RoleId", role.id)
                .put("Arn", role.arn)
                .put("CreateDate", date(role.created))
                .put("AssumeRolePolicyDocument", document(role.trustPolicy));
        if (role.description != null) {
            json.put("Description", role.description);
        }
        json.put("MaxSessionDuration", role.maxSessionDuration);
        if (full) {
            tags(json, role.tags);
            json.putObject("RoleLastUsed");
        }
        return json;
    }

    /** A {@code Policy}. */
    static ObjectNode policy(ManagedPolicy policy, boolean full) {
        ObjectNode json = NODES.objectNode()
                .put("PolicyName", policy.name)
                .put("PolicyId", policy.id)
                .put("Arn", policy.arn)
                .put("Path", policy.path)
                .put("DefaultVersionId", ManagedPolicy.DEFAULT_VERSION)
                .put("AttachmentCount", policy.attachments)
                .put("PermissionsBoundaryUsageCount", 0)
                .put("IsAttachable", true);
        if (full && policy.description != null) {
            json.put("Description", policy.description);
        }
        json.put("CreateDate", date(policy.created)).put("UpdateDate", date(policy.created));
        if (full) {
            tags(json, policy.tags);
        }
        return json;
    }

    /** The {@code PolicyVersion} of a policy's one version. */
    static ObjectNode version(ManagedPolicy policy) {
        return NODES.objectNode()
                .put("Document", document(policy.document))
                .put("VersionId", ManagedPolicy.DEFAULT_VERSION)
                .put("IsDefaultVersion", true)
                .put("CreateDate", date(policy.created));
    }

    /** {@code Tags} as IAM lists them, {@code [{Key, Value}]}; absent when there are none. */
    static void tags(ObjectNode json, Map<String, String> tags) {
        if (!tags.isEmpty()) {
            ArrayNode list = json.putArray("Tags");
            tags.forEach((key, value) -> list.addObject().put("Key", key).put("Value", value));
        }
    }

    /** IAM answers policy documents URL-encoded (RFC 3986); the AWS CLI and Terraform decode them. */
    static String document(String document) {
        return URLEncoder.encode(document, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** IAM's dates are ISO 8601 to the second. */
    static String date(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
