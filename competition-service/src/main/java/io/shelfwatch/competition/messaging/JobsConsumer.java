package io.shelfwatch.competition.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.shelfwatch.competition.mapping.JobEvents;
import io.shelfwatch.competition.service.CompetitionDailyJob;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Runs the jobs other services request from this one (`competition_daily`); skips everything else on `jobs`. */
@ApplicationScoped
public class JobsConsumer {

    private final RecordParser parser;
    private final CompetitionDailyJob daily;

    public JobsConsumer(RecordParser parser, CompetitionDailyJob daily) {
        this.parser = parser;
        this.daily = daily;
    }

    @Incoming("jobs")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            return Uni.createFrom().voidItem();
        }
        JobEvent event = parser.parse(record, JobEvent.class);
        if (!event.type().equals("job_requested") || !event.data().jobName().equals(JobEvents.COMPETITION_DAILY)) {
            return Uni.createFrom().voidItem();
        }
        return daily.run(event.data());
    }
}
