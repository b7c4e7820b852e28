package dev.simstack.core.internal.services.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.SimClock;
import dev.simstack.core.internal.engine.DecodedCall;
import dev.simstack.core.internal.engine.Input;
import dev.simstack.core.internal.engine.OperationTable;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A user's access keys: CreateAccessKey, DeleteAccessKey, UpdateAccessKey, ListAccessKeys and
 * GetAccessKeyLastUsed. Without a {@code UserName}, the calls act on the user whose key signed them.
 */
final class AccessKeyActions {

    /** IAM's quota: two access keys per user, so one can be rotated while the other works. */
    private static final int KEYS_MAX = 2;
    private static final Pattern KEY_ID = Pattern.compile("[\\w]+");
    private static final Pattern STATUS = Pattern.compile("Active|Inactive");

    private final IamStore store;
    private final UniqueIds ids;
    private final SimClock clock;

    AccessKeyActions(IamStore store, UniqueIds ids, SimClock clock) {
        this.store = store;
        this.ids = ids;
        this.clock = clock;
    }

    void register(OperationTable<IamOperation> operations) {
        operations.put("CreateAccessKey", this::createAccessKey);
        operations.put("DeleteAccessKey", this::deleteAccessKey);
        operations.put("UpdateAccessKey", this::updateAccessKey);
        operations.put("ListAccessKeys", this::listAccessKeys);
        operations.put("GetAccessKeyLastUsed", this::getAccessKeyLastUsed);
    }

    /** Notes that the user's key {@code accessKeyId} signed a call to {@code service} in {@code region}. */
    void used(String accessKeyId, String service, String region) {
        AccessKey key = accessKeyId == null ? null : store.accessKeys.get(accessKeyId);
        if (key != null) {
            key.lastUsed = clock.now();
            key.lastService = service;
            key.lastRegion = region;
        }
    }

    private JsonNode createAccessKey(DecodedCall call, Input input) {
        IamUser user = user(call, input);
        if (user.accessKeys.size() >= KEYS_MAX) {
            throw IamErrors.limitExceeded("Cannot exceed quota for AccessKeysPerUser: " + KEYS_MAX);
        }
        AccessKey key = new AccessKey(ids.accessKeyId("AKIA"), ids.secretAccessKey(), user, clock.now());
        user.accessKeys.add(key);
        store.accessKeys.put(key.id, key);
        ObjectNode json = IamJson.accessKey(key);
        json.put("SecretAccessKey", key.secret);
        return RoleActions.wrap("AccessKey", json);
    }

    private JsonNode deleteAccessKey(DecodedCall call, Input input) {
        AccessKey key = key(call, input);
        key.user.accessKeys.remove(key);
        store.accessKeys.remove(key.id);
        return IamJson.NODES.objectNode();
    }

    private JsonNode updateAccessKey(DecodedCall call, Input input) {
        String status = input.string("Status");
        new Violations().required("Status", status).pattern("Status", status, STATUS).check();
        key(call, input).status = status;
        return IamJson.NODES.objectNode();
    }

    private JsonNode listAccessKeys(DecodedCall call, Input input) {
        IamUser user = user(call, input);
        ObjectNode output = IamJson.NODES.objectNode();
        ArrayNode keys = output.putArray("AccessKeyMetadata");
        // The page's marker is a key id, so the keys are paged in the order of their ids.
        List<AccessKey> sorted = user.accessKeys.stream().sorted(Comparator.comparing(key -> key.id)).toList();
        IamPage.of(sorted, key -> key.id, input, output).forEach(key -> keys.add(IamJson.accessKey(key)));
        return output;
    }

    /** A key that never signed a call IAM saw answers {@code N/A} for its service and region, as IAM does. */
    private JsonNode getAccessKeyLastUsed(DecodedCall call, Input input) {
        AccessKey key = store.accessKeys.get(keyId(input));
        if (key == null) {
            throw IamErrors.noSuchEntity("The Access Key with id " + input.string("AccessKeyId")
                    + " cannot be found.");
        }
        ObjectNode output = IamJson.NODES.objectNode().put("UserName", key.user.name);
        ObjectNode lastUsed = output.putObject("AccessKeyLastUsed");
        if (key.lastUsed != null) {
            lastUsed.put("LastUsedDate", IamJson.date(key.lastUsed));
        }
        lastUsed.put("ServiceName", key.lastUsed == null ? "N/A" : key.lastService)
                .put("Region", key.lastUsed == null ? "N/A" : key.lastRegion);
        return output;
    }

    /** The key {@code AccessKeyId} names, of the user {@code UserName} names (or of the caller). */
    private AccessKey key(DecodedCall call, Input input) {
        String id = keyId(input);
        IamUser user = user(call, input);
        return user.accessKeys.stream().filter(key -> key.id.equals(id)).findFirst().orElseThrow(() ->
                IamErrors.noSuchEntity("The Access Key with id " + id + " cannot be found."));
    }

    private static String keyId(Input input) {
        String id = input.string("AccessKeyId");
        new Violations().required("AccessKeyId", id).length("AccessKeyId", id, 16, 128)
                .pattern("AccessKeyId", id, KEY_ID).check();
        return id;
    }

    /** The user {@code UserName} names; without one, the user whose key signed the call. */
    private IamUser user(DecodedCall call, Input input) {
        if (input.has("UserName")) {
            return (IamUser) IdentityKind.USER.read(store, input);
        }
        AccessKey signer = call.accessKeyId() == null ? null : store.accessKeys.get(call.accessKeyId());
        if (signer == null) {
            // The root user's own keys are not modelled: the caller must name a user.
            throw Violations.validationError("Must specify userName when calling with non-User credentials");
        }
        return signer.user;
    }
}
