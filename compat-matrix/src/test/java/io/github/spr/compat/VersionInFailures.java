package io.github.spr.compat;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * Puts the Keycloak version in front of every failure message. Failsafe's closing summary lists a test that ran for
 * several versions as "Run 1", "Run 2", ... of one test; with this, each run says which version it was.
 */
final class VersionInFailures implements TestExecutionExceptionHandler {

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        String invocation = context.getParent().map(ExtensionContext::getDisplayName).orElse("");
        if (invocation.isEmpty() || String.valueOf(failure.getMessage()).startsWith(invocation)) {
            throw failure;
        }
        if (failure instanceof AssertionError) {
            AssertionError named = new AssertionError(invocation + ": " + failure.getMessage(), failure.getCause());
            named.setStackTrace(failure.getStackTrace());
            throw named;
        }
        // Not an assertion: it stays an error, not a failure, in the report.
        throw new IllegalStateException(invocation + ": " + failure, failure);
    }
}
