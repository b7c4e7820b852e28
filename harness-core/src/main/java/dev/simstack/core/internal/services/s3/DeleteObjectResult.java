package dev.simstack.core.internal.services.s3;

/**
 * What a DeleteObject answered.
 *
 * @param versionId the delete marker's id when one was made, else the version id asked for (or null)
 * @param deleteMarker whether a delete marker was made, or the version deleted was one
 */
public record DeleteObjectResult(String versionId, boolean deleteMarker) {
}
