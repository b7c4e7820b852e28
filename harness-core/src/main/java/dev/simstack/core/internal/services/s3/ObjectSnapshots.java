package dev.simstack.core.internal.services.s3;

import dev.simstack.core.internal.protocol.ChecksumAlgorithm;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.internal.persist.BlobSink;
import dev.simstack.core.internal.persist.BlobSource;
import dev.simstack.core.internal.persist.SnapshotException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Object versions and multipart uploads as snapshot documents and back; bodies by content id. */
final class ObjectSnapshots {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Bodies up to this size reload into the heap, larger ones into the scratch directory, as uploads do. */
    private static final long MEMORY_LIMIT = 1024 * 1024;

    private ObjectSnapshots() {
    }

    static ObjectNode write(ObjectVersion version, BlobSink blobs) {
        ObjectNode json = NODES.objectNode();
        json.put("key", version.key());
        json.put("versionId", version.versionId());
        json.put("deleteMarker", version.deleteMarker());
        json.put("lastModified", version.lastModified().toEpochMilli());
        json.put("sequence", version.sequence());
        json.set("tags", strings(version.tags().get()));
        ObjectVersion.StoredContent content = version.content();
        if (content != null) {
            ObjectNode body = json.putObject("content");
            body.put("blob", content.blob().persist(blobs));
            body.put("etag", content.etag());
            body.set("headers", strings(content.headers()));
            body.set("metadata", strings(content.metadata()));
            body.put("storageClass", content.storageClass());
            body.set("checksums", checksums(content.checksums()));
            body.put("checksumType", content.checksumType());
            ArrayNode parts = body.putArray("parts");
            for (ObjectVersion.Part part : content.parts()) {
                parts.addObject().put("offset", part.offset()).put("length", part.length())
                        .set("checksums", checksums(part.checksums()));
            }
        }
        return json;
    }

    static ObjectVersion version(JsonNode json, BlobSource blobs, BlobWriter writer) {
        JsonNode body = json.path("content");
        ObjectVersion.StoredContent content = null;
        if (body.isObject()) {
            List<ObjectVersion.Part> parts = new ArrayList<>();
            for (JsonNode part : body.path("parts")) {
                parts.add(new ObjectVersion.Part(part.path("offset").asLong(), part.path("length").asLong(),
                        checksums(part.path("checksums"))));
            }
            content = new ObjectVersion.StoredContent(blob(body.path("blob").asText(), blobs, writer),
                    body.path("etag").asText(), strings(body.path("headers")), strings(body.path("metadata")),
                    body.path("storageClass").asText(null), checksums(body.path("checksums")),
                    body.path("checksumType").asText(null), parts);
        }
        return new ObjectVersion(json.path("key").asText(), json.path("versionId").asText(),
                json.path("deleteMarker").asBoolean(), Instant.ofEpochMilli(json.path("lastModified").asLong()),
                json.path("sequence").asLong(), content, new ObjectVersion.TagHolder(strings(json.path("tags"))));
    }

    static ObjectNode write(MultipartUpload upload, BlobSink blobs) {
        ObjectNode json = NODES.objectNode();
        json.put("uploadId", upload.uploadId());
        json.put("key", upload.key());
        json.put("initiated", upload.initiated().toEpochMilli());
        json.set("headers", strings(upload.headers()));
        json.set("metadata", strings(upload.metadata()));
        json.put("storageClass", upload.storageClass());
        json.set("tags", strings(upload.tags()));
        json.put("checksumAlgorithm", upload.checksumAlgorithm() == null ? null : upload.checksumAlgorithm().name());
        json.put("checksumType", upload.checksumType());
        ArrayNode parts = json.putArray("parts");
        for (MultipartUpload.UploadedPart part : upload.parts().values()) {
            parts.addObject().put("number", part.number()).put("blob", part.blob().persist(blobs))
                    .put("etag", part.etag()).put("lastModified", part.lastModified().toEpochMilli())
                    .set("checksums", checksums(part.checksums()));
        }
        return json;
    }

    static MultipartUpload upload(JsonNode json, BlobSource blobs, BlobWriter writer) {
        String algorithm = json.path("checksumAlgorithm").asText(null);
        MultipartUpload upload = new MultipartUpload(json.path("uploadId").asText(), json.path("key").asText(),
                Instant.ofEpochMilli(json.path("initiated").asLong()), strings(json.path("headers")),
                strings(json.path("metadata")), json.path("storageClass").asText(null), strings(json.path("tags")),
                algorithm == null ? null : ChecksumAlgorithm.valueOf(algorithm), json.path("checksumType").asText(null),
                new TreeMap<>());
        for (JsonNode part : json.path("parts")) {
            int number = part.path("number").asInt();
            upload.parts().put(number, new MultipartUpload.UploadedPart(number,
                    blob(part.path("blob").asText(), blobs, writer), part.path("etag").asText(),
                    Instant.ofEpochMilli(part.path("lastModified").asLong()), checksums(part.path("checksums"))));
        }
        return upload;
    }

    /** A copy of a stored body that the stack owns (S3 frees a body's file when its version goes). */
    private static Blob blob(String id, BlobSource blobs, BlobWriter writer) {
        Path file = blobs.file(id);
        try {
            if (Files.size(file) <= MEMORY_LIMIT) {
                return Blob.inMemory(Files.readAllBytes(file));
            }
            try (InputStream in = Files.newInputStream(file)) {
                return writer.write(in, Set.of()).blob();
            }
        } catch (IOException e) {
            throw new SnapshotException("cannot read body " + id + " from " + file, e);
        }
    }

    static ObjectNode strings(Map<String, String> map) {
        ObjectNode json = NODES.objectNode();
        map.forEach(json::put);
        return json;
    }

    static Map<String, String> strings(JsonNode json) {
        Map<String, String> map = new LinkedHashMap<>();
        json.fields().forEachRemaining(field -> map.put(field.getKey(), field.getValue().asText()));
        return map;
    }

    private static ObjectNode checksums(Map<ChecksumAlgorithm, String> checksums) {
        ObjectNode json = NODES.objectNode();
        checksums.forEach((algorithm, value) -> json.put(algorithm.name(), value));
        return json;
    }

    private static Map<ChecksumAlgorithm, String> checksums(JsonNode json) {
        Map<ChecksumAlgorithm, String> map = new EnumMap<>(ChecksumAlgorithm.class);
        json.fields().forEachRemaining(field -> map.put(ChecksumAlgorithm.valueOf(field.getKey()),
                field.getValue().asText()));
        return map;
    }

    static List<JsonNode> list(JsonNode array) {
        List<JsonNode> list = new ArrayList<>();
        array.forEach(list::add);
        return list;
    }
}
