package dev.simstack.core.internal.services.lambda;

/**
 * The Lambda state of one region: its functions, its concurrency limit, and its event source mappings.
 *
 * @param name the region
 * @param functions its functions
 * @param limits its account concurrency
 * @param mappings its event source mappings
 */
record LambdaRegion(String name, FunctionDirectory functions, ConcurrencyLimits limits, MappingDirectory mappings) {

    static LambdaRegion create(String name, int accountLimit) {
        FunctionDirectory functions = new FunctionDirectory();
        return new LambdaRegion(name, functions, new ConcurrencyLimits(accountLimit, functions),
                new MappingDirectory());
    }
}
