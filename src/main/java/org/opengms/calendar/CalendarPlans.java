package org.opengms.calendar;

import java.util.HashMap;
import java.util.Map;
import org.opengms.config.IniDocument;
import org.opengms.config.SettingsSection;
import org.opengms.service.BuiltinService;
import org.opengms.service.ServiceCatalog;
import org.opengms.service.ServiceDefinition;

/**
 * The office hours and capacity plans of the configured services, parsed and checked once per
 * configuration version: a bad rule or a reference to a service of the wrong kind refuses the file
 * at load ({@link CalendarOptions}). The service catalog is read again here so that {@code service}
 * does not depend on this package.
 *
 * @param officeHours the rules of each office-hours service, by service name
 * @param capacity the plan of each capacity service, by service name
 */
public record CalendarPlans(
    Map<String, OfficeHours> officeHours, Map<String, CapacityPlan> capacity) {

  public static CalendarPlans from(IniDocument doc) {
    Map<String, ServiceDefinition> services = ServiceCatalog.from(doc).services();
    Map<String, OfficeHours> hours = new HashMap<>();
    Map<String, CapacityPlan> plans = new HashMap<>();
    for (ServiceDefinition d : services.values()) {
      doc.section("service." + d.name()).ifPresent(s -> CalendarOptions.validate(d, doc, s));
      if (d.isBuiltin(BuiltinService.OFFICE_HOURS)) {
        hours.put(d.name(), OfficeHours.from(d.options()));
      } else if (d.isBuiltin(BuiltinService.CAPACITY)) {
        plans.put(d.name(), CapacityPlan.from(d.options()));
      }
    }
    CalendarOptions.validateReferences(services, doc);
    return new CalendarPlans(Map.copyOf(hours), Map.copyOf(plans));
  }

  /** Registers these settings with the configuration ({@code META-INF/services}). */
  public static final class Section extends SettingsSection<CalendarPlans> {
    public Section() {
      super(CalendarPlans.class, CalendarPlans::from);
    }
  }
}
