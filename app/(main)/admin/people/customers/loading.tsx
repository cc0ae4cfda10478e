import { Bone, HeadingBones, LoadingSkeleton } from "@/components/ui/skeleton";

/** The people tabs, the count, then the customers' table. */
export default function CustomersLoading() {
  return (
    <LoadingSkeleton className="gap-6">
      <HeadingBones />
      <Bone className="h-11 w-72" />
      <Bone className="h-5 w-48" />
      <Bone className="h-80 rounded-xl" />
    </LoadingSkeleton>
  );
}
