package org.roomctl.agent.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SerialExecutorTest {
    private final ExecutorService pool = Executors.newFixedThreadPool(4);
    private final SerialExecutor executor = new SerialExecutor(pool, "test");

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void runsTasksOneAtATimeInOrder() {
        List<Integer> seen = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 1000; i++) {
            int n = i;
            executor.execute(() -> seen.add(n));
        }
        await().until(() -> seen.size() == 1000);
        for (int i = 0; i < 1000; i++) {
            assertThat(seen.get(i)).isEqualTo(i);
        }
    }

    @Test
    void aFailingTaskDoesNotStopTheRest() {
        List<String> seen = new CopyOnWriteArrayList<>();
        executor.execute(() -> {
            throw new IllegalStateException("bug");
        });
        executor.execute(() -> seen.add("after a RuntimeException"));
        executor.execute(() -> {
            throw new StackOverflowError("deep bug");
        });
        executor.execute(() -> seen.add("after an Error"));
        await().dontCatchUncaughtExceptions().until(() -> seen.size() == 2);
        executor.execute(() -> seen.add("later"));
        await().dontCatchUncaughtExceptions().until(() -> seen.size() == 3);
    }
}
