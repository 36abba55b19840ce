package dev.deliverytracker.bootstrap;

import java.lang.reflect.Method;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Makes sure the {@code shedlock} row of every locked job exists before any job runs. ShedLock
 * creates a row at a job's first run and then only updates it; a first run that meets a database
 * outage can leave it believing the row exists when it does not, and every later run then updates
 * nothing and skips: the job would never run again in this process. With the row there from the
 * start, a run after an outage takes the lock as usual. The names come from the {@code @SchedulerLock}
 * annotations themselves.
 */
@Component
class JobLockRows implements SmartInitializingSingleton {

    private final ListableBeanFactory beans;
    private final DataSource dataSource;

    JobLockRows(ListableBeanFactory beans, DataSource dataSource) {
        this.beans = beans;
        this.dataSource = dataSource;
    }

    @Override
    public void afterSingletonsInstantiated() {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        for (String name : lockNames()) {
            jdbc.update("""
                    insert into shedlock (name, lock_until, locked_at, locked_by)
                    values (?, now(), now(), 'created at start')
                    on conflict (name) do nothing
                    """, name);
        }
    }

    Set<String> lockNames() {
        Set<String> names = new TreeSet<>();
        for (String bean : beans.getBeanDefinitionNames()) {
            Class<?> type = beans.getType(bean, false);
            if (type == null || !type.getName().startsWith("dev.deliverytracker.")) {
                continue;
            }
            for (Method method : ReflectionUtils.getUniqueDeclaredMethods(ClassUtils.getUserClass(type))) {
                SchedulerLock lock = AnnotatedElementUtils.findMergedAnnotation(method, SchedulerLock.class);
                if (lock != null) {
                    names.add(lock.name());
                }
            }
        }
        return names;
    }
}
