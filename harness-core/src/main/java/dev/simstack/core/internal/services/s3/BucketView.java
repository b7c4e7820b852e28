package dev.simstack.core.internal.services.s3;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the harness reads of one bucket, typed and without going through the wire: its region, the keys of
 * its current objects and their bytes, each read under the bucket's monitor. A key whose newest version is
 * a delete marker is not an object, as for ListObjectsV2 and GetObject. A view is taken per read.
 */
public final class BucketView {

    private final Bucket bucket;

    BucketView(Bucket bucket) {
        this.bucket = bucket;
    }

    /** The region the bucket lives in. */
    public String region() {
        return bucket.region();
    }

    /** The keys of the current objects, in ListObjectsV2's order (UTF-8 byte order). */
    public List<String> keys() {
        List<String> keys = new ArrayList<>();
        synchronized (bucket) {
            for (Map.Entry<String, List<ObjectVersion>> key : bucket.keys().from(null, true).entrySet()) {
                if (!key.getValue().get(0).deleteMarker()) {
                    keys.add(key.getKey());
                }
            }
        }
        return keys;
    }

    /** The bytes of the current version of {@code key}, or null if there is no such object. */
    public byte[] content(String key) {
        InputStream in;
        synchronized (bucket) {
            ObjectVersion latest = bucket.keys().latest(key);
            if (latest == null || latest.deleteMarker()) {
                return null;
            }
            // Opened under the monitor: a version replaced right after still reads whole (decision 13).
            in = latest.content().blob().open();
        }
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("SimStack could not read object '" + key + "' of bucket '" + bucket.name()
                    + "'", e);
        }
    }
}
