package io.aio4j.testing;

import io.aio4j.Aio;
import io.aio4j.EventLoop;
import io.aio4j.LoopOptions;
import io.aio4j.LoopSnapshot;
import io.aio4j.Task;
import io.aio4j.TaskInfo;
import io.aio4j.internal.loop.SelectorLoop;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;

/**
 * Runs {@link AioTest} methods as the main task of a fresh loop, and fails them when they leave
 * tasks, sockets or sessions open. Registered by {@code @AioTest} itself; public only because
 * JUnit instantiates it.
 */
public final class AioTestExtension implements BeforeEachCallback, InvocationInterceptor, AfterEachCallback,
        ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(AioTestExtension.class);

    /** Made by JUnit. */
    public AioTestExtension() {}

    private static AioTest settings(ExtensionContext context) {
        AioTest a = context.getRequiredTestMethod().getAnnotation(AioTest.class);
        if (a == null) {
            throw new IllegalStateException(AioTestExtension.class.getSimpleName() + " runs @AioTest methods only, not "
                    + context.getRequiredTestMethod());
        }
        return a;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        AioTest a = settings(context);
        LoopOptions options = LoopOptions.defaults().withName("test " + context.getRequiredTestMethod().getName());
        EventLoop loop = a.virtualTime() ? TestLoop.create(options) : EventLoop.create(options);
        context.getStore(NAMESPACE).put(EventLoop.class, loop);
    }

    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext,
            ExtensionContext context) throws Throwable {
        EventLoop loop = context.getStore(NAMESPACE).get(EventLoop.class, EventLoop.class);
        Task<Void> main = loop.createTask(() -> {
            try {
                invocation.proceed();
            } catch (Exception | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new CompletionException(t);
            }
        }, "test " + invocationContext.getExecutable().getName());
        try {
            loop.runUntilComplete(main);
        } catch (CompletionException e) { // a checked exception out of the body
            throw e.getCause() != null ? e.getCause() : e;
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        EventLoop loop = context.getStore(NAMESPACE).remove(EventLoop.class, EventLoop.class);
        if (loop == null || loop.isClosed()) {
            return;
        }
        List<String> leaks = new ArrayList<>();
        LoopSnapshot snapshot = loop.snapshot();
        for (TaskInfo t : snapshot.tasks()) {
            leaks.add("task #" + t.id() + " '" + t.name() + "' " + t.state()
                    + (t.waitingOn() == null ? "" : ", waiting for " + t.waitingOn())
                    + (t.stack().isEmpty() ? "" : ", at " + t.stack().get(0)));
        }
        if (loop instanceof SelectorLoop l) {
            for (String r : l.openResources()) {
                leaks.add("open " + r);
            }
        }
        try {
            cleanUp(loop, settings(context));
        } finally {
            loop.close();
        }
        if (!leaks.isEmpty()) {
            throw new AssertionError(context.getRequiredTestMethod().getName() + " left " + leaks.size()
                    + (leaks.size() == 1 ? " thing" : " things") + " open on its event loop (close them, or await"
                    + " the tasks, before the test ends):\n  " + String.join("\n  ", leaks));
        }
    }

    /** Cancels the tasks left over and gives them their grace to end. */
    private static void cleanUp(EventLoop loop, AioTest settings) {
        if (loop.snapshot().tasks().isEmpty()) {
            return;
        }
        loop.runUntilComplete(loop.createTask(() -> {
            List<Task<?>> left = new ArrayList<>(loop.allTasks());
            left.remove(Aio.currentTask());
            for (Task<?> t : left) {
                t.cancel("the test ended");
            }
            Aio.withTimeoutOrNull(Duration.ofMillis(settings.cleanupMillis()), () -> Aio.gatherReturnExceptions(left));
            return null;
        }, "cleanup"));
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        return type == EventLoop.class || type == TestLoop.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        EventLoop loop = extensionContext.getStore(NAMESPACE).get(EventLoop.class, EventLoop.class);
        Class<?> type = parameterContext.getParameter().getType();
        if (!type.isInstance(loop)) {
            throw new org.junit.jupiter.api.extension.ParameterResolutionException("a " + type.getSimpleName()
                    + " parameter needs @AioTest(virtualTime = true)");
        }
        return loop;
    }
}
