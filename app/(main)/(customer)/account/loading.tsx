import { Bone, HeadingBones, LoadingSkeleton } from "@/components/ui/skeleton";

/** The account page's three panels: phone, where to collect, password. */
export default function AccountLoading() {
  return (
    <LoadingSkeleton className="gap-6">
      <HeadingBones wide="w-1/2" />
      <Bone className="h-32 rounded-xl" />
      <Bone className="h-44 rounded-xl" />
      <Bone className="h-56 rounded-xl" />
    </LoadingSkeleton>
  );
}
