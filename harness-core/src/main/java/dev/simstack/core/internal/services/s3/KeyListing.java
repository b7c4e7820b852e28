package dev.simstack.core.internal.services.s3;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One page of current objects in S3's key order, for ListObjects and ListObjectsV2: keys under the
 * prefix after the marker, keys sharing a prefix up to the delimiter rolled into one common prefix
 * (which counts as one against max-keys), delete markers left out. Call with the bucket's lock held.
 *
 * @param contents the objects listed
 * @param commonPrefixes the common prefixes listed
 * @param truncated true if more follow
 * @param last the last key or common prefix listed (where the next page starts), or null
 */
record KeyListing(List<ObjectVersion> contents, List<String> commonPrefixes, boolean truncated, String last) {

    static KeyListing page(VersionedKeys keys, ListingParameters parameters, String after) {
        if (parameters.maxKeys() == 0) {
            return new KeyListing(List.of(), List.of(), false, null);
        }
        List<ObjectVersion> contents = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        String start = after != null && KeyOrder.INSTANCE.compare(after, parameters.prefix()) > 0 ? after
                : parameters.prefix();
        boolean inclusive = after == null || KeyOrder.INSTANCE.compare(after, parameters.prefix()) < 0;
        // A page that ended on a common prefix resumes after every key under it.
        String skipUnder = after != null && parameters.commonPrefix(after) != null
                && parameters.commonPrefix(after).equals(after) ? after : null;
        String last = null;
        for (Map.Entry<String, List<ObjectVersion>> entry : keys.from(start, inclusive).entrySet()) {
            String key = entry.getKey();
            if (!key.startsWith(parameters.prefix())) {
                break;
            }
            ObjectVersion latest = entry.getValue().get(0);
            if (latest.deleteMarker() || (skipUnder != null && key.startsWith(skipUnder))) {
                continue;
            }
            String common = parameters.commonPrefix(key);
            if (common != null && common.equals(last)) {
                continue;
            }
            if (contents.size() + prefixes.size() >= parameters.maxKeys()) {
                return new KeyListing(contents, prefixes, true, last);
            }
            if (common != null) {
                prefixes.add(common);
                last = common;
            } else {
                contents.add(latest);
                last = key;
            }
        }
        return new KeyListing(contents, prefixes, false, last);
    }
}
