package dev.simstack.core.internal.persist;

import com.fasterxml.jackson.databind.JsonNode;
import dev.simstack.core.internal.protocol.json.JsonTrees;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A snapshot being written into its temporary directory: each file forced to the device as written,
 * bodies into the shared blob directory, and at {@link #commit()} the manifest (last), then the rename
 * that publishes it. Abandoned (an exception, a killed process), it stays a {@code tmp-*} directory that
 * no load considers and the next commit deletes.
 */
public final class PendingSnapshot implements BlobSink {

    private final SnapshotDirectory directory;
    private final Path temp;
    private final Path blobs;
    private final long sequence;
    private final JsonTrees json;
    private final Map<String, Manifest.Entry> files = new LinkedHashMap<>();
    private final Map<String, Long> referenced = new LinkedHashMap<>();
    private long blobBytesWritten;

    PendingSnapshot(SnapshotDirectory directory, Path temp, long sequence, JsonTrees json) {
        this.directory = directory;
        this.temp = temp;
        this.blobs = directory.root().resolve(SnapshotDirectory.BLOBS);
        this.sequence = sequence;
        this.json = json;
    }

    public long sequence() {
        return sequence;
    }

    /** Writes one JSON document of the snapshot. */
    public void write(String name, JsonNode document) {
        byte[] bytes = json.write(document);
        try {
            Durable.write(temp.resolve(name), bytes);
        } catch (IOException e) {
            throw new SnapshotException("cannot write " + name + " of a snapshot in " + temp, e);
        }
        files.put(name, new Manifest.Entry(bytes.length, Durable.sha256(bytes)));
    }

    @Override
    public synchronized String put(byte[] bytes) {
        String sha256 = Durable.sha256(bytes);
        Path target = blobs.resolve(sha256);
        try {
            if (!Files.exists(target)) {
                Path part = Files.createTempFile(blobs, ".tmp-", ".part");
                Files.delete(part);
                Durable.write(part, bytes);
                publishBlob(part, target);
                blobBytesWritten += bytes.length;
            }
        } catch (IOException e) {
            throw new SnapshotException("cannot write a body into " + blobs, e);
        }
        referenced.put(sha256, (long) bytes.length);
        return sha256;
    }

    @Override
    public synchronized String put(Path file, String knownSha256) {
        try {
            long size = Files.size(file);
            if (knownSha256 != null && Files.exists(blobs.resolve(knownSha256))) {
                referenced.put(knownSha256, size);
                return knownSha256;
            }
            String sha256 = knownSha256 != null ? knownSha256 : Durable.sha256(file);
            Path target = blobs.resolve(sha256);
            if (!Files.exists(target)) {
                Path part = blobs.resolve(".tmp-" + sha256 + "-" + System.nanoTime());
                try {
                    Files.createLink(part, file); // bodies are immutable once written: sharing the inode is safe
                } catch (IOException | UnsupportedOperationException crossDevice) {
                    Files.copy(file, part, StandardCopyOption.REPLACE_EXISTING);
                }
                Durable.force(part);
                publishBlob(part, target);
                blobBytesWritten += size;
            }
            referenced.put(sha256, size);
            return sha256;
        } catch (IOException e) {
            throw new SnapshotException("cannot store the body in " + file + " into " + blobs, e);
        }
    }

    private void publishBlob(Path part, Path target) throws IOException {
        try {
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException raced) {
            Files.deleteIfExists(part);
        }
    }

    /** Bytes of bodies this snapshot had to write (bodies already stored by earlier snapshots are not counted). */
    public long blobBytesWritten() {
        return blobBytesWritten;
    }

    /** Writes the manifest, forces it and the directory, and publishes the snapshot; answers its directory. */
    public Path commit() {
        try {
            Durable.forceDirectory(blobs);
            Manifest manifest = new Manifest(Manifest.FORMAT, sequence, files, referenced);
            Durable.write(temp.resolve(Manifest.FILE_NAME), json.write(manifest.toJson()));
            Durable.forceDirectory(temp);
            return directory.publish(temp, sequence, manifest);
        } catch (IOException e) {
            throw new SnapshotException("cannot publish snapshot " + sequence + " in " + directory.root(), e);
        }
    }

    /** Deletes the unfinished snapshot (bodies stay for the next commit's garbage collection). */
    public void abandon() {
        try {
            SnapshotDirectory.deleteTree(temp);
        } catch (IOException e) {
            // The next commit deletes leftover temporary directories.
        }
    }
}
