import { Skeleton } from "@medusajs/ui"

/**
 * The dashboard's detail-page placeholder (not among its public exports):
 * card-shaped blocks where the sections will be, so the page does not jump.
 */
export const PageSkeleton = ({ side = false }: { side?: boolean }) => (
  <div className="flex flex-col gap-x-4 gap-y-3 xl:flex-row xl:items-start">
    <div className="flex w-full flex-col gap-y-3">
      <Skeleton className="h-[219px] w-full rounded-lg" />
      <Skeleton className="h-[320px] w-full rounded-lg" />
      <Skeleton className="h-[60px] w-full rounded-lg" />
    </div>
    {side && (
      <div className="flex w-full flex-col gap-y-3 xl:max-w-[440px]">
        <Skeleton className="h-[140px] w-full rounded-lg" />
      </div>
    )}
  </div>
)
