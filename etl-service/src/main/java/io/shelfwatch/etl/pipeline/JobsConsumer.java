package io.shelfwatch.etl.pipeline;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.shelfwatch.etl.messaging.RecordParser;
import io.shelfwatch.etl.messaging.RetriedApply;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Records every `job_finished` on `jobs` as a job execution; `job_requested` is for the job's runner. */
@ApplicationScoped
public class JobsConsumer {

    private final RecordParser parser;
    private final JobService jobs;

    public JobsConsumer(RecordParser parser, JobService jobs) {
        this.parser = parser;
        this.jobs = jobs;
    }

    @Incoming("jobs-in")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            return Uni.createFrom().voidItem();
        }
        JobFinishedRecord event = parser.parse(record, JobFinishedRecord.class);
        return JobFinishedRecord.FINISHED.equals(event.type()) ? RetriedApply.of(record, () -> jobs.recordFinished(event))
                : Uni.createFrom().voidItem();
    }
}
