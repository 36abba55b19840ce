package dev.deliverytracker.bootstrap;

import dev.deliverytracker.application.port.in.ReportSpend;
import dev.deliverytracker.application.port.out.Spending;
import dev.deliverytracker.application.service.SpendReportService;
import dev.deliverytracker.application.port.in.FoldStatistics;
import dev.deliverytracker.application.port.out.MessageQueries;
import dev.deliverytracker.application.port.out.StatisticsRollup;
import dev.deliverytracker.application.service.DeliveryStatisticsService;
import dev.deliverytracker.application.service.FailureReportService;
import dev.deliverytracker.application.service.FoldStatisticsService;
import dev.deliverytracker.application.service.MessageQueryService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The read side: timelines, lists, exports, failures and statistics, over the JDBC queries adapter. */
@Configuration(proxyBeanMethods = false)
class InsightsConfiguration {

    /** One service answers FindDeliveryHistory, ListMessages and ExportMessages. */
    @Bean
    MessageQueryService messageQueryService(MessageQueries queries) {
        return new MessageQueryService(queries);
    }

    @Bean
    FailureReportService failureReportService(MessageQueries queries) {
        return new FailureReportService(queries);
    }

    @Bean
    FoldStatistics foldStatistics(StatisticsRollup rollup) {
        return new FoldStatisticsService(rollup);
    }

    @Bean
    DeliveryStatisticsService deliveryStatisticsService(MessageQueries queries) {
        return new DeliveryStatisticsService(queries);
    }

    @Bean
    ReportSpend reportSpend(Spending spending) {
        return new SpendReportService(spending);
    }
}
