package io.shelfwatch.connector.service.jobs;

import io.shelfwatch.connector.Activity;
import io.smallrye.mutiny.Uni;

/**
 * Work an activity stands for that runs after the request answered (202). A run may be a
 * resumption: the activity's `progress` says where an earlier run stopped. The job records its
 * own outcome on the activity (completed or failed).
 */
public interface BackgroundJob {

    /** The activity `action` this job runs. */
    String action();

    Uni<Void> run(Activity activity);
}
