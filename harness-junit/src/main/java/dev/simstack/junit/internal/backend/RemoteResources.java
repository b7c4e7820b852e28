package dev.simstack.junit.internal.backend;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * What a remote backend created for a class, in creation order, each with how to delete it: deleted in reverse
 * order when the class ends, whether it passed or failed, or when creating the rest failed. Both are printed, so a
 * run on an account leaves a record of what it touched.
 */
final class RemoteResources implements AutoCloseable {

    /** A created resource: its kind ({@code queue}), its name on the backend, its region, how it goes away. */
    record Created(String kind, String name, String region, Deletion deletion) {
        @Override
        public String toString() {
            return kind + " " + name + " (" + region + ")";
        }
    }

    /** Deletes one resource; may throw what its SDK call throws. */
    interface Deletion {
        void delete() throws Exception;
    }

    private final String owner;
    private final PrintStream out;
    private final List<Created> created = new ArrayList<>();
    private final Map<String, String> queueUrls = new ConcurrentHashMap<>();
    private final Map<String, String> queueArns = new ConcurrentHashMap<>();
    private final Map<String, String> apiUrls = new ConcurrentHashMap<>();

    RemoteResources(String owner, PrintStream out) {
        this.owner = owner;
        this.out = out;
    }

    synchronized void created(String kind, String name, String region, Deletion deletion) {
        created.add(new Created(kind, name, region, deletion));
    }

    void queueUrl(String region, String declaredName, String url) {
        queueUrls.put(region + "/" + declaredName, url);
    }

    void queueArn(String region, String declaredName, String arn) {
        queueArns.put(region + "/" + declaredName, arn);
    }

    /** The ARN of the queue declared as {@code declaredName} in {@code region}, or null. */
    String queueArn(String region, String declaredName) {
        return queueArns.get(region + "/" + declaredName);
    }

    void apiUrl(String region, String declaredName, String url) {
        apiUrls.put(region + "/" + declaredName, url);
    }

    /** The invoke URL (with its stage) of the API declared as {@code declaredName} in {@code region}, or null. */
    String apiUrl(String region, String declaredName) {
        return apiUrls.get(region + "/" + declaredName);
    }

    /** Whether a resource of {@code kind} named {@code name} was created (and not yet deleted). */
    synchronized boolean holds(String kind, String name) {
        return created.stream().anyMatch(resource -> resource.kind().equals(kind) && resource.name().equals(name));
    }

    /** The URL of the queue declared as {@code declaredName} in {@code region}, or null. */
    String queueUrl(String region, String declaredName) {
        return queueUrls.get(region + "/" + declaredName);
    }

    /** Prints what was created, tagged with the run's id. */
    synchronized void report(String runId) {
        out.println("SimStack: " + owner + " created " + describe(created) + ", tagged simstack:run=" + runId);
    }

    /** Deletes everything created, the last first; a resource that cannot be deleted is printed, not thrown. */
    @Override
    public synchronized void close() {
        List<Created> deleted = new ArrayList<>();
        List<String> left = new ArrayList<>();
        for (int i = created.size() - 1; i >= 0; i--) {
            Created resource = created.get(i);
            try {
                resource.deletion().delete();
                deleted.add(resource);
            } catch (Exception e) {
                left.add(resource + ": " + e.getMessage());
            }
        }
        created.clear();
        out.println("SimStack: " + owner + " deleted " + describe(deleted));
        if (!left.isEmpty()) {
            out.println("SimStack: " + owner + " could not delete " + left + "; delete them by their tag"
                    + " simstack:run");
        }
    }

    private static String describe(List<Created> resources) {
        return resources.isEmpty() ? "nothing" : resources.stream().map(Created::toString)
                .collect(Collectors.joining(", ", "[", "]"));
    }
}
