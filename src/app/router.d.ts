import 'vue-router'

declare module 'vue-router' {
  interface RouteMeta {
    /** Who a screen is for: participants get their own header and no organiser navigation. */
    audience?: 'participant'
  }
}

export {}
