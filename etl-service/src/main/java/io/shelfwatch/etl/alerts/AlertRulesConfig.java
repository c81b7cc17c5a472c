package io.shelfwatch.etl.alerts;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of doc E's alert rules. */
@ConfigMapping(prefix = "etl.alert-rules")
public interface AlertRulesConfig {

    /** Most alert rules one user may keep, whatever the plan (-1 = no cap); keeps one account from slowing the pipeline. */
    @WithDefault("500")
    int maxPerUser();
}
