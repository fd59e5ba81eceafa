import 'vue-router'

declare module 'vue-router' {
  interface RouteMeta {
    /** Who a screen is for: participants get their own header and no organiser navigation. */
    audience?: 'participant'
    /** A screen of the consent or counter features: their messages are loaded before it shows. */
    messages?: 'records'
  }
}

export {}
