/*
 * The words of the root error screen (app/global-error.tsx), copied from messages/*.json.
 * That screen replaces the root layout, so no provider hands it messages, and importing the
 * message files themselves put both languages whole (68 KiB gzip) into every page's
 * JavaScript. root-error-words.test.ts fails when this copy and the message files differ,
 * and prints the object to paste here.
 */
export const ROOT_ERROR_WORDS = {
  "en": {
    "common": {
      "brand": "Parcel Lockers",
      "description": "Self-service parcel lockers for your campus: drop-off, pickup codes and locker management.",
      "skipToContent": "Skip to content"
    },
    "routeState": {
      "errorTitle": "Something went wrong",
      "errorDocumentTitle": "Something went wrong · Parcel Lockers",
      "tryAgain": "Try again",
      "reference": "Reference for support:",
      "goHome": "Go to the home page",
      "notFoundTitle": "Page not found",
      "notFoundBody": "There is no page at this address. If you typed it, check it; if a link brought you here, it is out of date.",
      "wayBack": {
        "customer": "Go to My parcels",
        "courier": "Go to your sites",
        "admin": "Go to the dashboard"
      },
      "layoutFailed": "The service could not show this page. Please try again in a moment.",
      "pageFailed": "This page could not be shown. Please try again in a moment.",
      "authFailedTitle": "Signing in is not working just now",
      "nothingChanged": "Nothing was changed. Please try again in a moment.",
      "loading": "Loading…"
    }
  },
  "zh-CN": {
    "common": {
      "brand": "校园快递柜",
      "description": "校园自助快递柜：快递员投递、取件码取件、柜机管理。",
      "skipToContent": "跳到正文"
    },
    "routeState": {
      "errorTitle": "出了点问题",
      "errorDocumentTitle": "出了点问题 · 校园快递柜",
      "tryAgain": "重试",
      "reference": "如需客服帮助，请提供编号：",
      "goHome": "返回首页",
      "notFoundTitle": "页面不存在",
      "notFoundBody": "这个地址没有对应的页面。如果是手动输入的，请检查一下；如果是点链接进来的，说明链接已失效。",
      "wayBack": {
        "customer": "返回我的包裹",
        "courier": "返回我的站点",
        "admin": "返回管理首页"
      },
      "layoutFailed": "页面暂时无法显示，请稍后再试。",
      "pageFailed": "页面暂时无法显示，请稍后再试。",
      "authFailedTitle": "登录暂时不可用",
      "nothingChanged": "没有做任何更改，请稍后再试。",
      "loading": "加载中…"
    }
  }
} as const;
