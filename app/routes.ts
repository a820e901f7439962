import { layout, type RouteConfig } from "@remix-run/route-config";
import { flatRoutes } from "@remix-run/fs-routes";

// Every file route sits inside the site layout, whose error boundary keeps the root's data.
export default [layout("./site-layout.tsx", await flatRoutes())] satisfies RouteConfig;
