package dev.simstack.core.internal.services.iam;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * IAM's output shapes: {@code Role}, {@code User}, {@code Group}, {@code InstanceProfile}, {@code Policy},
 * {@code PolicyVersion}, access keys, tags, dates and documents.
 */
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

    /** A {@code User}; GetUser's also carries the tags. */
    static ObjectNode user(IamUser user, boolean full) {
        ObjectNode json = NODES.objectNode().put("Path", user.path).put("UserName", user.name)
                .put("UserId", user.id).put("Arn", user.arn).put("CreateDate", date(user.created));
        if (full) {
            tags(json, user.tags);
        }
        return json;
    }

    /** A {@code Group}. */
    static ObjectNode group(IamGroup group) {
        return NODES.objectNode().put("Path", group.path).put("GroupName", group.name)
                .put("GroupId", group.id).put("Arn", group.arn).put("CreateDate", date(group.created));
    }

    /** An {@code InstanceProfile} with its roles (without their tags) and its tags. */
    static ObjectNode instanceProfile(InstanceProfile profile) {
        ObjectNode json = NODES.objectNode().put("Path", profile.path)
                .put("InstanceProfileName", profile.name).put("InstanceProfileId", profile.id)
                .put("Arn", profile.arn).put("CreateDate", date(profile.created));
        ArrayNode roles = json.putArray("Roles");
        profile.roles.forEach(role -> roles.add(role(role, false)));
        tags(json, profile.tags);
        return json;
    }

    /** An {@code AccessKeyMetadata}: an access key without its secret. */
    static ObjectNode accessKey(AccessKey key) {
        return NODES.objectNode().put("UserName", key.user.name).put("AccessKeyId", key.id)
                .put("Status", key.status).put("CreateDate", date(key.created));
    }

    /** A {@code Policy}. */
    static ObjectNode policy(ManagedPolicy policy, boolean full) {
        ObjectNode json = NODES.objectNode()
                .put("PolicyName", policy.name)
                .put("PolicyId", policy.id)
                .put("Arn", policy.arn)
                .put("Path", policy.path)
                .put("DefaultVersionId", policy.defaultVersion)
                .put("AttachmentCount", policy.attachments)
                .put("PermissionsBoundaryUsageCount", 0)
                .put("IsAttachable", true);
        if (full && policy.description != null) {
            json.put("Description", policy.description);
        }
        json.put("CreateDate", date(policy.created)).put("UpdateDate", date(policy.updated));
        if (full) {
            tags(json, policy.tags);
        }
        return json;
    }

    /** A {@code PolicyVersion}; its document only where the call answers it (GetPolicyVersion). */
    static ObjectNode version(ManagedPolicy policy, ManagedPolicy.Version version, boolean withDocument) {
        ObjectNode json = NODES.objectNode();
        if (withDocument) {
            json.put("Document", document(version.document()));
        }
        return json.put("VersionId", version.id()).put("IsDefaultVersion", version.id().equals(policy.defaultVersion))
                .put("CreateDate", date(version.created()));
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
