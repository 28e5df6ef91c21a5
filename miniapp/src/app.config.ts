// The single route registry: tab pages and login in the main package, every other page in a feature subpackage.
import { PAGES, SUBPACKAGE_ROOTS } from './routes'

const allPages: string[] = Object.values(PAGES)
const rootOf = (page: string) => SUBPACKAGE_ROOTS.find((root) => page.startsWith(`${root}/`))

export default defineAppConfig({
  // The first page opens at launch: the inbox, which sends signed-out users to login.
  pages: allPages.filter((page) => !rootOf(page)),
  subPackages: SUBPACKAGE_ROOTS.map((root) => ({
    root,
    pages: allPages.filter((page) => rootOf(page) === root).map((page) => page.slice(root.length + 1)),
  })),
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: 'SellerInbox',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f5f6f8',
  },
  // H5 only: no page-slide animation. Taro's H5 router hides the previous page on a timer after the
  // animation, so leaving a page within ~300 ms of opening it left a blank screen; the web version does
  // not need the slide anyway. (app.json of the mini program gets no such key.)
  ...(process.env.TARO_ENV === 'h5' ? { animation: false } : {}),
  tabBar: {
    color: '#7a7f87',
    selectedColor: '#1f6feb',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      { pagePath: PAGES.inbox, text: '收件箱' },
      { pagePath: PAGES.me, text: '我的' },
    ],
  },
})
