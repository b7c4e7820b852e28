package dev.simstack.core.internal.persist;

import com.fasterxml.jackson.databind.JsonNode;
import dev.simstack.core.internal.protocol.json.JsonTrees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A finished snapshot whose every file and blob matched its manifest's size and SHA-256 when it was
 * opened: its documents are parsed during verification, so an import never meets a torn file.
 */
public final class LoadedSnapshot implements BlobSource {

    private final Path directory;
    private final Path blobs;
    private final Manifest manifest;
    private final Map<String, JsonNode> documents;

    private LoadedSnapshot(Path directory, Path blobs, Manifest manifest, Map<String, JsonNode> documents) {
        this.directory = directory;
        this.blobs = blobs;
        this.manifest = manifest;
        this.documents = documents;
    }

    static LoadedSnapshot verify(Path directory, Path blobs, JsonTrees json) {
        Path manifestFile = directory.resolve(Manifest.FILE_NAME);
        Manifest manifest;
        try {
            manifest = Manifest.fromJson(json.read(Files.readAllBytes(manifestFile)));
        } catch (IOException e) {
            throw new SnapshotException("its manifest cannot be read (" + e.getMessage() + ")", e);
        }
        Map<String, JsonNode> documents = new HashMap<>();
        for (Map.Entry<String, Manifest.Entry> file : manifest.files().entrySet()) {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(directory.resolve(file.getKey()));
            } catch (IOException e) {
                throw new SnapshotException(file.getKey() + " cannot be read (" + e + ")", e);
            }
            if (bytes.length != file.getValue().size() || !Durable.sha256(bytes).equals(file.getValue().sha256())) {
                throw new SnapshotException(file.getKey() + " does not match its size and checksum in the manifest");
            }
            try {
                documents.put(file.getKey(), json.read(bytes));
            } catch (IOException e) {
                throw new SnapshotException(file.getKey() + " is not JSON (" + e.getMessage() + ")", e);
            }
        }
        for (Map.Entry<String, Long> blob : manifest.blobs().entrySet()) {
            Path file = blobs.resolve(blob.getKey());
            try {
                if (Files.size(file) != blob.getValue() || !Durable.sha256(file).equals(blob.getKey())) {
                    throw new SnapshotException("body " + blob.getKey() + " does not match its size and checksum");
                }
            } catch (IOException e) {
                throw new SnapshotException("body " + blob.getKey() + " cannot be read (" + e + ")", e);
            }
        }
        return new LoadedSnapshot(directory, blobs, manifest, documents);
    }

    public Path directory() {
        return directory;
    }

    public long sequence() {
        return manifest.sequence();
    }

    /** The document {@code name}, or null if this snapshot has none (written by a version without it). */
    public JsonNode document(String name) {
        return documents.get(name);
    }

    @Override
    public Path file(String sha256) {
        if (!manifest.blobs().containsKey(sha256)) {
            throw new SnapshotException("the snapshot references body " + sha256 + " that its manifest does not list");
        }
        return blobs.resolve(sha256);
    }
}
