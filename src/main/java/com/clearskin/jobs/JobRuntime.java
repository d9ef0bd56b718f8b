package com.clearskin.jobs;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs every {@link RecurringJob} bean on db-scheduler over the application's own database (its
 * table {@code scheduled_tasks} is created by this module's migration). Each job is one row; an
 * instance takes it with an optimistic update of that row, so one instance runs it at a time, and a
 * job whose instance died (no heartbeat) is taken over by another. Starts after the context is
 * ready (migrations done) and stops, waiting for running jobs, when the context closes.
 */
@Component
class JobRuntime implements SmartLifecycle, Jobs {

    private static final Logger log = LoggerFactory.getLogger(JobRuntime.class);

    private final DataSource dataSource;
    private final List<RecurringJob> jobs;
    private final JobSettings settings;
    private volatile Scheduler scheduler;

    JobRuntime(DataSource dataSource, ObjectProvider<RecurringJob> jobs, JobSettings settings) {
        this.dataSource = dataSource;
        this.jobs = jobs.orderedStream().toList();
        this.settings = settings;
        Set<String> names = new HashSet<>();
        for (RecurringJob job : this.jobs) {
            if (!names.add(job.name())) {
                throw new IllegalStateException("Two recurring jobs are named " + job.name());
            }
        }
    }

    /** A scheduler over {@code dataSource} running {@code jobs}; {@code name} tells instances apart in the table. */
    static Scheduler scheduler(DataSource dataSource, List<RecurringJob> jobs, JobSettings settings, String name) {
        List<RecurringTask<Void>> tasks = jobs.stream().map(JobRuntime::task).toList();
        var builder = Scheduler.create(dataSource)
                .startTasks(tasks)
                .pollingInterval(settings.pollInterval())
                .threads(Math.max(1, settings.threads()))
                .shutdownMaxWait(settings.shutdownWait())
                .enableImmediateExecution();
        if (name != null && !name.isBlank()) {
            builder.schedulerName(new SchedulerName.Fixed(name));
        }
        return builder.build();
    }

    private static RecurringTask<Void> task(RecurringJob job) {
        return Tasks.recurring(job.name(), FixedDelay.of(job.delay())).execute((instance, context) -> {
            try {
                job.work().run();
            } catch (RuntimeException e) {
                log.warn("Job {} failed; it runs again in {}: {}", job.name(), job.delay(), e.toString());
            }
        });
    }

    @Override
    public List<String> names() {
        return jobs.stream().map(RecurringJob::name).toList();
    }

    @Override
    public boolean runSoon(String name) {
        Scheduler running = scheduler;
        if (running == null || jobs.stream().noneMatch(j -> j.name().equals(name))) {
            return false;
        }
        try {
            return running.reschedule(TaskInstanceId.of(name, RecurringTask.INSTANCE), Instant.now());
        } catch (RuntimeException e) {
            return false; // running right now, or not yet in the table
        }
    }

    @Override
    public void start() {
        if (!settings.enabled() || jobs.isEmpty()) {
            log.info("Background jobs are off on this instance (clearskin.jobs.enabled=false or none declared)");
            return;
        }
        scheduler = scheduler(dataSource, jobs, settings, settings.instanceName());
        scheduler.start();
    }

    @Override
    public void stop() {
        Scheduler running = scheduler;
        scheduler = null;
        if (running != null) {
            running.stop();
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }

    /** Late: after the web server, so that a job never runs before the application is whole. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }
}
