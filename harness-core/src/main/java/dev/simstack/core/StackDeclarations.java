package dev.simstack.core;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The resources a {@link StackConfig} declares, each kind in declaration order; immutable. */
record StackDeclarations(List<QueueSpec> queues, List<FunctionSpec> functions, List<ApiSpec> apis,
        List<TableSpec> tables, List<BucketSpec> buckets, List<Path> resourceFiles) {

    static final StackDeclarations NONE = new StackDeclarations(List.of(), List.of(), List.of(), List.of(), List.of(),
            List.of());

    StackDeclarations {
        queues = List.copyOf(queues);
        functions = List.copyOf(functions);
        apis = List.copyOf(apis);
        tables = List.copyOf(tables);
        buckets = List.copyOf(buckets);
        resourceFiles = List.copyOf(resourceFiles);
    }

    private static <T> List<T> plus(List<T> list, T element) {
        List<T> copy = new ArrayList<>(list);
        copy.add(element);
        return copy;
    }

    StackDeclarations queue(QueueSpec queue) {
        return new StackDeclarations(plus(queues, queue), functions, apis, tables, buckets, resourceFiles);
    }

    StackDeclarations function(FunctionSpec function) {
        return new StackDeclarations(queues, plus(functions, function), apis, tables, buckets, resourceFiles);
    }

    StackDeclarations api(ApiSpec api) {
        return new StackDeclarations(queues, functions, plus(apis, api), tables, buckets, resourceFiles);
    }

    StackDeclarations table(TableSpec table) {
        return new StackDeclarations(queues, functions, apis, plus(tables, table), buckets, resourceFiles);
    }

    StackDeclarations bucket(BucketSpec bucket) {
        return new StackDeclarations(queues, functions, apis, tables, plus(buckets, bucket), resourceFiles);
    }

    StackDeclarations resourceFile(Path file) {
        return new StackDeclarations(queues, functions, apis, tables, buckets, plus(resourceFiles, file));
    }
}
