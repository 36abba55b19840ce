package dev.deliverytracker.bootstrap;

import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Scheduled jobs that must run on one instance at a time (reconcile, retention, alerts) take a ShedLock lock
 * in the {@code shedlock} table (migration V3). Lock times come from the database's clock, so
 * instances whose clocks differ still agree. A lock held by an instance that died expires after the
 * job's {@code lockAtMostFor} (10 minutes unless the job says otherwise). The dispatcher takes no
 * lock: its outbox claim is per message ({@code FOR UPDATE SKIP LOCKED}).
 */
@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(defaultLockAtMostFor = "PT10M")
class JobLockConfiguration {

    @Bean
    LockProvider lockProvider(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .withTableName("shedlock")
                .usingDbTime()
                .build());
    }
}
