package dev.simstack.core.internal.services.sqs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.AwsException;
import dev.simstack.core.internal.engine.Input;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The entries of a batch request, checked as SQS checks them before acting on any (1 to 10 entries, ids
 * of up to 80 characters of {@code [A-Za-z0-9_-]}, distinct), and the {@code Successful} and
 * {@code Failed} lists of the answer: one entry's error fails only that entry.
 */
final class BatchEntries {

    private static final int MAX_ENTRIES = 10;
    private static final int MAX_ID_LENGTH = 80;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ObjectNode output = NODES.objectNode();
    private final ArrayNode successful = output.putArray("Successful");
    private final ArrayNode failed = output.putArray("Failed");

    /** The request's {@code Entries}, validated; {@code entryName} is the model's entry shape name. */
    static List<Input> read(Input input, String entryName) {
        List<Input> entries = input.objectList("Entries");
        if (entries.isEmpty()) {
            throw SqsErrors.emptyBatchRequest(entryName);
        }
        if (entries.size() > MAX_ENTRIES) {
            throw SqsErrors.tooManyEntriesInBatchRequest(entries.size());
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            String id = entries.get(i).string("Id");
            if (id == null) {
                throw SqsErrors.missingParameter(entryName + "." + (i + 1) + ".Id");
            }
            if (!validId(id)) {
                throw SqsErrors.invalidBatchEntryId();
            }
            if (!ids.add(id)) {
                throw SqsErrors.batchEntryIdsNotDistinct(id);
            }
        }
        return entries;
    }

    private static boolean validId(String id) {
        if (id.isEmpty() || id.length() > MAX_ID_LENGTH) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    /** Adds a successful entry for {@code id} and returns it for the operation's own members. */
    ObjectNode succeed(String id) {
        return successful.addObject().put("Id", id);
    }

    /** Adds a failed entry with the error's Query code, as BatchResultErrorEntry carries it. */
    void fail(String id, AwsException error) {
        failed.addObject().put("Id", id).put("SenderFault", error.senderFault()).put("Code", error.queryCode())
                .put("Message", error.getMessage());
    }

    ObjectNode output() {
        return output;
    }
}
