package dev.simstack.core.internal.persist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a snapshot consists of: each of its files and each blob it references, with size and SHA-256.
 * Written last into the snapshot's temporary directory, so a snapshot without a readable manifest was
 * never finished; at load every entry is checked before any state is imported.
 *
 * @param format the format version
 * @param sequence the snapshot's number, growing
 * @param files the snapshot's own files by name
 * @param blobs the content-addressed blobs it references, by SHA-256 hex (the entry's checksum is its name)
 */
record Manifest(int format, long sequence, Map<String, Entry> files, Map<String, Long> blobs) {

    static final int FORMAT = 1;
    static final String FILE_NAME = "manifest.json";

    /** One file: its length and SHA-256 hex. */
    record Entry(long size, String sha256) {
    }

    Manifest {
        files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
        blobs = Collections.unmodifiableMap(new LinkedHashMap<>(blobs));
    }

    JsonNode toJson() {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode json = nodes.objectNode();
        json.put("format", format);
        json.put("sequence", sequence);
        ObjectNode fileNodes = json.putObject("files");
        files.forEach((name, entry) -> fileNodes.putObject(name).put("size", entry.size()).put("sha256", entry.sha256()));
        ObjectNode blobNodes = json.putObject("blobs");
        blobs.forEach(blobNodes::put);
        return json;
    }

    /**
     * @throws SnapshotException if the document is not a manifest of a format this version reads
     */
    static Manifest fromJson(JsonNode json) {
        if (json == null || !json.path("format").canConvertToInt() || json.path("format").intValue() != FORMAT
                || !json.path("sequence").canConvertToLong() || !json.path("files").isObject()
                || !json.path("blobs").isObject()) {
            throw new SnapshotException("the manifest is not a format-" + FORMAT + " SimStack manifest");
        }
        Map<String, Entry> files = new LinkedHashMap<>();
        json.path("files").fields().forEachRemaining(field -> {
            JsonNode entry = field.getValue();
            if (!entry.path("size").canConvertToLong() || !entry.path("sha256").isTextual()) {
                throw new SnapshotException("the manifest entry of " + field.getKey() + " is incomplete");
            }
            files.put(field.getKey(), new Entry(entry.path("size").longValue(), entry.path("sha256").textValue()));
        });
        Map<String, Long> blobs = new LinkedHashMap<>();
        json.path("blobs").fields().forEachRemaining(field -> {
            if (!field.getValue().canConvertToLong()) {
                throw new SnapshotException("the manifest entry of blob " + field.getKey() + " has no size");
            }
            blobs.put(field.getKey(), field.getValue().longValue());
        });
        return new Manifest(json.path("format").intValue(), json.path("sequence").longValue(), files, blobs);
    }
}
