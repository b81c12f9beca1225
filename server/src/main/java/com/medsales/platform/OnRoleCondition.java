package com.medsales.platform;

import java.util.EnumSet;
import java.util.Set;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

class OnRoleCondition implements Condition {

  @Override
  public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
    var attributes = metadata.getAnnotationAttributes(ConditionalOnRole.class.getName());
    if (attributes == null) {
      return true;
    }
    Role role = (Role) attributes.get("value");
    return activeRoles(Binder.get(context.getEnvironment())).contains(role);
  }

  static Set<Role> activeRoles(Binder binder) {
    return binder
        .bind("medsales.roles", Bindable.setOf(Role.class))
        .orElseGet(() -> EnumSet.allOf(Role.class));
  }
}
