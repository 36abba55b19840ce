package com.example.outside;

import dev.deliverytracker.adapter.web.WebAdapterConfiguration;

/** Breaks the outside-adapter rule on purpose: it uses one of the tracker's own adapters. */
public class OutsideAdapterUsingTheWebAdapter {

    public Class<?> web() {
        return WebAdapterConfiguration.class;
    }
}
