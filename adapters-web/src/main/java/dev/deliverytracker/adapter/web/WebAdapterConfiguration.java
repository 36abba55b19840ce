package dev.deliverytracker.adapter.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/**
 * Everything this adapter contributes, as one piece; {@code autoconfigure.WebAdapterAutoConfiguration}
 * imports it into any servlet application that has this module on its class path.
 */
@Configuration(proxyBeanMethods = false)
// The auto-configurations below this package import or stand beside this class; they are not components.
@ComponentScan(excludeFilters = @ComponentScan.Filter(AutoConfiguration.class))
public class WebAdapterConfiguration {
}
