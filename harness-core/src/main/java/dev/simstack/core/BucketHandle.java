package dev.simstack.core;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.simstack.core.internal.stack.Engine;
import dev.simstack.core.internal.services.s3.BucketView;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A live view of one S3 bucket of a running stack, taken with {@link Stack#bucket(String)}. Each read looks
 * the bucket up by name and reads its current objects at that moment under the bucket's lock, in-process
 * and without appearing in the ledger. An object is a key whose newest version is not a delete marker, as
 * for ListObjectsV2 and GetObject.
 *
 * <p>If the bucket is deleted (or a reset empties the stack and does not declare it again) after the handle
 * was taken, reads throw an {@link IllegalStateException} saying so; once a bucket of that name exists in
 * that region again, they read that bucket. {@link #ref()} never throws.
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class BucketHandle {

    private final Engine engine;
    private final ResourceRef ref;

    BucketHandle(Engine engine, ResourceRef ref) {
        this.engine = engine;
        this.ref = ref;
    }

    /** The bucket's identity: the region it lives in, the account and its name. */
    public ResourceRef ref() {
        return ref;
    }

    /**
     * The keys of the objects, in ListObjectsV2's order (UTF-8 byte order, so {@code a/b} before {@code a0}).
     *
     * @throws IllegalStateException if the bucket was deleted after this handle was taken
     */
    public List<String> keys() {
        return view().keys();
    }

    /**
     * The bytes of object {@code key}, its current version.
     *
     * @throws IllegalArgumentException if there is no object {@code key} (never written, deleted, or its
     *     newest version is a delete marker)
     * @throws IllegalStateException if the bucket was deleted after this handle was taken
     */
    public byte[] content(String key) {
        byte[] content = view().content(Objects.requireNonNull(key, "key"));
        if (content == null) {
            throw new IllegalArgumentException("there is no object '" + key + "' in S3 bucket '" + ref.name()
                    + "' (never written, or deleted); keys() lists the objects there are");
        }
        return content;
    }

    /**
     * How many objects the bucket holds now (keys, not versions).
     *
     * @throws IllegalStateException if the bucket was deleted after this handle was taken
     */
    public int objectCount() {
        return view().keys().size();
    }

    private BucketView view() {
        BucketView view = engine.s3().view(ref.name());
        if (view == null || !view.region().equals(ref.region())) {
            throw ResourceHandles.deleted(ResourceHandles.Kind.BUCKET, ref.region(), ref.name());
        }
        return view;
    }

    @Override
    public String toString() {
        return "BucketHandle[" + ref + "]";
    }
}
